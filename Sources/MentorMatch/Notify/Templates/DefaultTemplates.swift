/// The templates and next-steps text shipped with mentormatch, as Swift
/// string literals so that the package needs no resources.
///
/// Subjects and text bodies use `{{{triple}}}` mustaches (no HTML escaping:
/// header text is encoded by the composer); HTML bodies use `{{double}}`
/// mustaches, which escape `& < > " '`.
enum DefaultTemplates {
  /// The default source of one template.
  static func source(_ name: EmailTemplateName) -> String {
    switch (name.kind, name.part) {
    case (.match, .subject): matchSubject
    case (.match, .text): matchText
    case (.match, .html): matchHTML
    case (.waiting, .subject): waitingSubject
    case (.waiting, .text): waitingText
    case (.waiting, .html): waitingHTML
    case (.leadSummary, .subject): leadSummarySubject
    case (.leadSummary, .text): leadSummaryText
    case (.leadSummary, .html): leadSummaryHTML
    }
  }

  static let nextStepsMentee = """
    Please email your mentor within the next two weeks to introduce yourself and suggest a first \
    conversation of about 45 minutes, in person or online.

    Before you meet, jot down two or three things you would like to get out of mentoring. Your mentor \
    is there to listen, share experience and help you think; they are not a line manager or a sponsor.

    The mentoring guidance on the intranet has a short agreement you can use to set out how often \
    you will meet and what you will keep confidential.
    """

  static let nextStepsMentor = """
    We have asked each mentee listed above to contact you within the next two weeks to arrange a \
    first conversation. If you have not heard from them by then, please feel free to get in touch first.

    At the first meeting, agree how often you will meet, how you will keep in touch and what stays \
    confidential. The mentoring guidance on the intranet has a short agreement you can use.
    """

  static let nextStepsWaiting = """
    You do not need to do anything. You will stay on the list and we will look for a mentor for you \
    at every matching run. If your grade, department or interests have changed, please update your \
    sign-up so that we can find you the best match.
    """

  static let htmlHead = """
    <!DOCTYPE html>
    <html lang="en-GB">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{programme}}</title>
    </head>
    <body style="margin:0;padding:24px;background:#ffffff;color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
    <div style="max-width:640px;margin:0 auto">
    """

  static let htmlFoot = """
    <hr style="border:0;border-top:1px solid #b1b4b6;margin:32px 0 16px">
    <p style="font-size:14px;color:#505a5f">You are receiving this email from the {{programme}} team because you signed up for mentoring ({{cohort}} cohort). Sent on {{as_of}}; reference {{run_id}}.</p>
    """ + "\n" + htmlEnd

  static let htmlEnd = """
    </div>
    </body>
    </html>
    """
}
