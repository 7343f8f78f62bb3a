/// The default `lead-summary` email: counts per cohort and where the report is.
extension DefaultTemplates {
  static let leadSummarySubject = "{{{programme}}}: matching summary for {{{as_of}}}"

  static let leadSummaryText = """
    {{#has_recipient_name}}Dear {{{recipient_name}}},{{/has_recipient_name}}{{^has_recipient_name}}Hello,{{/has_recipient_name}}

    The {{{programme}}} matching run on {{{as_of}}} has finished. Here are the figures for your cohort{{#several}}s{{/several}}.

    {{#cohorts}}
    {{{cohort}}}
    - Sign-ups: {{{signups}}}
    - Newly matched: {{{matched}}}
    - Still waiting: {{{waiting}}}
    - Rows rejected: {{{rejected}}}

    {{/cohorts}}
    The full report, including who is waiting and why, is at:
    {{{report_path}}}

    The report holds personal data: please keep it within the programme team.

    The {{{programme}}} matching service

    --
    Reference {{{run_id}}}.

    """

  static let leadSummaryHTML = htmlHead + "\n" + """
    <p>{{#has_recipient_name}}Dear {{recipient_name}},{{/has_recipient_name}}{{^has_recipient_name}}Hello,{{/has_recipient_name}}</p>
    <p>The {{programme}} matching run on {{as_of}} has finished. Here are the figures for your cohort{{#several}}s{{/several}}.</p>
    <table style="border-collapse:collapse">
    <thead><tr><th style="text-align:left;padding:4px 12px 4px 0">Cohort</th><th style="text-align:right;padding:4px 12px">Sign-ups</th><th style="text-align:right;padding:4px 12px">Newly matched</th><th style="text-align:right;padding:4px 12px">Still waiting</th><th style="text-align:right;padding:4px 0 4px 12px">Rows rejected</th></tr></thead>
    <tbody>
    {{#cohorts}}
    <tr><td style="padding:4px 12px 4px 0">{{cohort}}</td><td style="text-align:right;padding:4px 12px">{{signups}}</td><td style="text-align:right;padding:4px 12px">{{matched}}</td><td style="text-align:right;padding:4px 12px">{{waiting}}</td><td style="text-align:right;padding:4px 0 4px 12px">{{rejected}}</td></tr>
    {{/cohorts}}
    </tbody>
    </table>
    <p>The full report, including who is waiting and why, is at:<br><code>{{report_path}}</code></p>
    <p>The report holds personal data: please keep it within the programme team.</p>
    <p>The {{programme}} matching service</p>
    <hr style="border:0;border-top:1px solid #b1b4b6;margin:32px 0 16px">
    <p style="font-size:14px;color:#505a5f">Reference {{run_id}}.</p>
    """ + "\n" + htmlEnd + "\n"
}
