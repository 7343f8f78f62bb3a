/// The default `match` email: one per person per run, listing every new match.
extension DefaultTemplates {
  // Someone who is `both` may gain a mentor and mentees in one run: then
  // `is_mentee` and `is_mentor` are both set, and each side is counted.
  static let matchSubject = """
    {{#is_mentee}}Your {{{programme}}} {{#one_mentor}}mentor{{/one_mentor}}{{#several_mentors}}mentors{{/several_mentors}}\
    {{#is_mentor}} and new {{#one_mentee}}mentee{{/one_mentee}}{{#several_mentees}}mentees{{/several_mentees}}{{/is_mentor}}{{/is_mentee}}\
    {{^is_mentee}}{{#is_mentor}}Your new {{{programme}}} \
    {{#one_mentee}}mentee{{/one_mentee}}{{#several_mentees}}mentees{{/several_mentees}}{{/is_mentor}}{{/is_mentee}}
    """

  static let matchText = """
    {{#has_recipient_name}}Dear {{{recipient_name}}},{{/has_recipient_name}}{{^has_recipient_name}}Hello,{{/has_recipient_name}}

    {{#is_mentee}}
    {{^is_mentor}}
    Thank you for signing up as a mentee. We are pleased to let you know that we have matched you with {{#one_mentor}}a mentor{{/one_mentor}}{{#several_mentors}}{{{mentor_count}}} mentors{{/several_mentors}}.
    {{/is_mentor}}
    {{#is_mentor}}
    Thank you for taking part as a mentee and as a mentor. We are pleased to let you know that we have matched you with {{#one_mentor}}a mentor{{/one_mentor}}{{#several_mentors}}{{{mentor_count}}} mentors{{/several_mentors}} and {{#one_mentee}}a new mentee{{/one_mentee}}{{#several_mentees}}{{{mentee_count}}} new mentees{{/several_mentees}}.
    {{/is_mentor}}
    {{/is_mentee}}
    {{^is_mentee}}
    {{#is_mentor}}
    Thank you for offering to be a mentor. We are pleased to let you know that we have matched you with {{#one_mentee}}a new mentee{{/one_mentee}}{{#several_mentees}}{{{mentee_count}}} new mentees{{/several_mentees}}.
    {{/is_mentor}}
    {{/is_mentee}}

    {{#matches}}
    {{{name}}} ({{{role}}})
    Grade: {{{grade}}}
    Department: {{{department}}}
    Profession: {{{profession}}}
    Email: {{{email}}}
    {{#has_reasons}}
    Why we matched you:
    {{#reasons}}
    - {{{text}}}
    {{/reasons}}
    {{/has_reasons}}

    {{/matches}}
    {{#has_next_steps}}
    What happens next

    {{{next_steps}}}

    {{/has_next_steps}}
    If anything here looks wrong, or your circumstances have changed, please reply to this email and we will help.

    With best wishes,

    The {{{programme}}} team

    --
    You are receiving this email from the {{{programme}}} team because you signed up for mentoring ({{{cohort}}} cohort). Sent on {{{as_of}}}; reference {{{run_id}}}.

    """

  static let matchHTML = htmlHead + "\n" + """
    <p>{{#has_recipient_name}}Dear {{recipient_name}},{{/has_recipient_name}}{{^has_recipient_name}}Hello,{{/has_recipient_name}}</p>
    {{#is_mentee}}
    {{^is_mentor}}
    <p>Thank you for signing up as a mentee. We are pleased to let you know that we have matched you with {{#one_mentor}}a mentor{{/one_mentor}}{{#several_mentors}}{{mentor_count}} mentors{{/several_mentors}}.</p>
    {{/is_mentor}}
    {{#is_mentor}}
    <p>Thank you for taking part as a mentee and as a mentor. We are pleased to let you know that we have matched you with {{#one_mentor}}a mentor{{/one_mentor}}{{#several_mentors}}{{mentor_count}} mentors{{/several_mentors}} and {{#one_mentee}}a new mentee{{/one_mentee}}{{#several_mentees}}{{mentee_count}} new mentees{{/several_mentees}}.</p>
    {{/is_mentor}}
    {{/is_mentee}}
    {{^is_mentee}}
    {{#is_mentor}}
    <p>Thank you for offering to be a mentor. We are pleased to let you know that we have matched you with {{#one_mentee}}a new mentee{{/one_mentee}}{{#several_mentees}}{{mentee_count}} new mentees{{/several_mentees}}.</p>
    {{/is_mentor}}
    {{/is_mentee}}
    {{#matches}}
    <h2 style="font-size:20px;margin:24px 0 8px">{{name}} <span style="font-weight:normal;color:#505a5f">({{role}})</span></h2>
    <table style="border-collapse:collapse" role="presentation">
    <tr><th style="text-align:left;padding:2px 16px 2px 0">Grade</th><td>{{grade}}</td></tr>
    <tr><th style="text-align:left;padding:2px 16px 2px 0">Department</th><td>{{department}}</td></tr>
    <tr><th style="text-align:left;padding:2px 16px 2px 0">Profession</th><td>{{profession}}</td></tr>
    <tr><th style="text-align:left;padding:2px 16px 2px 0">Email</th><td><a href="mailto:{{email}}">{{email}}</a></td></tr>
    </table>
    {{#has_reasons}}
    <p style="margin-bottom:4px">Why we matched you:</p>
    <ul style="margin-top:0">
    {{#reasons}}
    <li>{{text}}</li>
    {{/reasons}}
    </ul>
    {{/has_reasons}}
    {{/matches}}
    {{#has_next_steps}}
    <h2 style="font-size:20px;margin:24px 0 8px">What happens next</h2>
    {{#next_steps_paragraphs}}
    <p>{{text}}</p>
    {{/next_steps_paragraphs}}
    {{/has_next_steps}}
    <p>If anything here looks wrong, or your circumstances have changed, please reply to this email and we will help.</p>
    <p>With best wishes,<br>The {{programme}} team</p>
    """ + "\n" + htmlFoot + "\n"
}
