/// The default `waiting` email: a mentee not matched this run, and why.
extension DefaultTemplates {
  static let waitingSubject = "{{{programme}}}: an update on your mentor match"

  static let waitingText = """
    {{#has_recipient_name}}Dear {{{recipient_name}}},{{/has_recipient_name}}{{^has_recipient_name}}Hello,{{/has_recipient_name}}

    Thank you for signing up as a mentee. We are sorry that we have not been able to match you with a mentor this time.

    The reason: {{{reason}}}

    {{#has_next_steps}}
    {{{next_steps}}}

    {{/has_next_steps}}
    If you have any questions, please reply to this email.

    With best wishes,

    The {{{programme}}} team

    --
    You are receiving this email from the {{{programme}}} team because you signed up for mentoring ({{{cohort}}} cohort). Sent on {{{as_of}}}; reference {{{run_id}}}.

    """

  static let waitingHTML = htmlHead + "\n" + """
    <p>{{#has_recipient_name}}Dear {{recipient_name}},{{/has_recipient_name}}{{^has_recipient_name}}Hello,{{/has_recipient_name}}</p>
    <p>Thank you for signing up as a mentee. We are sorry that we have not been able to match you with a mentor this time.</p>
    <p><strong>The reason:</strong> {{reason}}</p>
    {{#next_steps_paragraphs}}
    <p>{{text}}</p>
    {{/next_steps_paragraphs}}
    <p>If you have any questions, please reply to this email.</p>
    <p>With best wishes,<br>The {{programme}} team</p>
    """ + "\n" + htmlFoot + "\n"
}
