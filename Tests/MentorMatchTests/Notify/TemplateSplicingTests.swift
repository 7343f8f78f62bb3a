import Foundation
@testable import MentorMatch
import MentorMatchTestSupport
import Testing

/// Rendering by splicing (``TemplateSkeleton``) gives exactly what
/// swift-mustache renders, for the default templates and for custom ones, on
/// seeded random and hostile values; templates it cannot splice fall back.
@Suite struct TemplateSplicingTests {
  @Test func everyDefaultTemplateSplices() {
    for name in EmailTemplateName.all {
      #expect(TemplateSkeleton.canSplice(DefaultTemplates.source(name)), "\(name)")
    }
  }

  static let spliceable: [(String, Bool)] = [
    ("Dear {{recipient_name}}, {{{programme}}} {{& cohort}}", true),
    ("{{#matches}}{{ name }}{{/matches}}{{^matches}}none{{/matches}}", true),
    ("{{! a comment with (parens) and {{.}} }}{{a.b}}", true),
    ("{{.}}", false),
    ("{{#reasons}}{{.}}{{/reasons}}", false),
    ("{{lowercased(recipient_name)}}", false),
    ("{{#first(matches)}}x{{/first(matches)}}", false),
    ("{{> footer}}", false),
    ("{{=<% %>=}}<% name %>", false),
    ("{{% CONTENT_TYPE: HTML}}{{name}}", false),
    ("{{<parent}}{{$block}}x{{/block}}{{/parent}}", false),
    ("{{name", false),
    ("text with a marker \u{E000} in it", false),
  ]

  @Test(arguments: spliceable)
  func recognisesTemplatesThatSplice(_ source: String, _ expected: Bool) {
    #expect(TemplateSkeleton.canSplice(source) == expected)
  }

  @Test(arguments: 0..<6)
  func splicedDefaultsEqualMustache(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &* 6_364_136_223 &+ 11)
    let templates = try EmailTemplateSet()
    for _ in 0..<60 {
      try Self.expectSameRendering(templates, SplicingSamples.request(&rng))
    }
  }

  /// Custom templates with every construct a user may write; the ones that
  /// cannot be spliced must fall back and still match.
  static let customSources = [
    "{{#recipient_name}}[{{recipient_name}}]{{/recipient_name}}{{^recipient_name}}no name{{/recipient_name}}",
    "{{#matches}}{{name}}: {{#reasons}}<{{text}}>{{/reasons}}{{^reasons}}-{{/reasons}}\n{{/matches}}{{match_count}}{{one}}",
    "{{matches}} and {{next_steps_paragraphs}}",
    "{{#reasons}}{{.}}{{/reasons}}{{#matches}}{{#reasons}}{{text}}{{.}}{{/reasons}}{{/matches}}",
    "{{uppercased(recipient_name)}} {{#matches}}{{lowercased(name)}}{{/matches}}",
    "{{#programme}}{{programme}} {{cohort}}{{/programme}} {{missing}} {{#missing}}x{{/missing}}{{^missing}}y{{/missing}}",
    "{{#matches}}{{#is_mentee}}{{name}} for {{recipient_name}}{{/is_mentee}}{{/matches}}",
    "{{#cohorts}}{{cohort}}={{signups}}/{{matched}}{{/cohorts}}{{report_path}}{{reason}}",
    "   {{#matches}}\n  {{name}}\n   {{/matches}}\n{{! standalone comment }}\n{{{as_of}}}",
  ]

  @Test(arguments: customSources.indices)
  func splicedCustomTemplatesEqualMustache(index: Int) throws {
    let source = Self.customSources[index]
    var sources: [EmailTemplateName: String] = [:]
    for kind in EmailKind.allCases {
      sources[EmailTemplateName(kind, .text)] = source
      sources[EmailTemplateName(kind, .html)] = "<p>" + source + "</p>"
    }
    let templates = try EmailTemplateSet(sources: sources)
    var rng = SeededGenerator(seed: UInt64(index) &+ 901)
    for _ in 0..<40 {
      try Self.expectSameRendering(templates, SplicingSamples.request(&rng))
    }
  }

  @Test func printedListsAreNotSpliced() throws {
    let name = EmailTemplateName(.match, .text)
    let templates = try EmailTemplateSet(sources: [name: "{{matches}}"])
    let values = EmailComposer.context(NotifyFixtures.request())
    let context = try #require(SentinelContext(values))
    _ = templates.renderSpliced(name, values, context: context)
    let cached = try #require(templates.skeletons.lookup(SkeletonKey(name: name, shape: context.shape)), "the shape was looked at")
    #expect(cached == nil, "a list printed whole quotes its strings, so it must not splice")
  }

  @Test func defaultsAreSplicedNotRendered() throws {
    let templates = try EmailTemplateSet()
    let values = EmailComposer.context(NotifyFixtures.request())
    let context = try #require(SentinelContext(values))
    for part in EmailTemplateName.Part.allCases {
      let name = EmailTemplateName(.match, part)
      _ = templates.renderSpliced(name, values, context: context)
      let skeleton = try #require(templates.skeletons.lookup(SkeletonKey(name: name, shape: context.shape)) ?? nil)
      #expect(skeleton.pieces.contains { if case .slot = $0 { true } else { false } })
    }
    let html = templates.renderSpliced(EmailTemplateName(.match, .html), values, context: context)
    #expect(html.contains("Zoë O’Brien") && !html.contains("\u{E000}"))
  }

  @Test func composedEmailsDoNotDependOnThreads() throws {
    var rng = SeededGenerator(seed: 42)
    let requests = (0..<600).map { _ in SplicingSamples.request(&rng, headerSafe: true) }
    let one = try NotifyFixtures.composer().composeAll(requests, concurrency: 1)
    let two = try NotifyFixtures.composer().composeAll(requests, concurrency: 2)
    #expect(one.map { try? $0.get().bytes } == two.map { try? $0.get().bytes })
    #expect(one.contains { (try? $0.get()) != nil })
  }

  /// Every template of the request's kind renders the same both ways, twice
  /// (the second time from the cached skeleton).
  static func expectSameRendering(_ templates: EmailTemplateSet, _ request: EmailRequest, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let values = EmailComposer.context(request)
    let context = SentinelContext(values)
    #expect(context != nil, sourceLocation: sourceLocation)
    for part in EmailTemplateName.Part.allCases {
      let name = EmailTemplateName(request.kind, part)
      let expected = templates.render(name, RenderRoot(values: values, unknownNames: nil))
      for _ in 0..<2 {
        let spliced = templates.renderSpliced(name, values, context: context)
        #expect(Array(spliced.utf8) == Array(expected.utf8), "\(name)", sourceLocation: sourceLocation)
      }
    }
  }
}
