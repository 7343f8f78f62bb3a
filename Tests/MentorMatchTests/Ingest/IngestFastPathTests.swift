import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// A random string near the shape of an address: atext, dots, hyphens, `@`,
/// quotes, spaces, non-ASCII, and now and then very long parts.
private func addressLike(_ rng: inout SeededGenerator) -> String {
  let pieces = [
    "a", "Z", "0", "9", ".", "-", "@", "_", "+", "\"", " ", "é", "[", "]", "..", "x.y", "gov", "uk", "\\",
    "'", "~", "!", "\u{7}", String(repeating: "a", count: 64), String(repeating: "b", count: 63),
  ]
  let local = (0..<Int.random(in: 0...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
  let domain = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
  return Bool.random(using: &rng) ? "\(local)@\(domain)" : local + domain
}

/// A plain address of the kind exports hold.
private func plainAddress(_ rng: inout SeededGenerator) -> String {
  let names = ["ann", "Bob.Smith", "o'neil", "x+tag", "a_b", "z9"]
  let domains = ["example.gov.uk", "cabinetoffice.gov.uk", "HMRC.gov.uk", "x-y.org", "a1.b2.c3"]
  return "\(names.randomElement(using: &rng)!)\(Int.random(in: 0...999, using: &rng))@\(domains.randomElement(using: &rng)!)"
}

@Suite struct IngestFastPathTests {
  /// The byte check never passes an address `EmailAddress.validate` refuses,
  /// and it passes every plain one.
  @Test(arguments: 0..<20)
  func plainAddressCheckAgreesWithValidate(_ seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &* 31 &+ 5)
    for _ in 0..<500 {
      let text = addressLike(&rng)
      let valid = (try? EmailAddress.validate(text)) != nil
      if PlainAddress.isValid(Array(text.utf8)[...]) {
        #expect(valid, "seed \(seed): '\(text)' passed the byte check but validate refuses it")
      } else if valid {
        // Only quoted local parts may skip the fast check.
        #expect(text.hasPrefix("\""), "seed \(seed): '\(text)' is valid but failed the byte check")
      }
      let plain = plainAddress(&rng)
      #expect(PlainAddress.isValid(plain.utf8) && (try? EmailAddress.validate(plain)) != nil, "\(plain)")
    }
  }

  @Test(arguments: [
    "a@b.c", "a@b", "@b.c", "a@", "a@b..c", "a@-b.c", "a@b-.c", "a@b.123", "a@123.b", ".a@b.c", "a.@b.c",
    "a..b@c.d", "a@b@c.d", "\"a b\"@c.d", String(repeating: "a", count: 65) + "@b.c",
    "a@" + String(repeating: "b", count: 64) + ".c", "a@" + String(repeating: "b.", count: 126) + "cc",
  ])
  func plainAddressEdges(_ text: String) {
    let valid = (try? EmailAddress.validate(text)) != nil
    #expect(PlainAddress.isValid(text.utf8) == (valid && !text.hasPrefix("\"")), "\(text)")
  }

  /// A timestamp already in normal form is recognised exactly when
  /// `normalise` would return it unchanged.
  @Test(arguments: 0..<10)
  func normalTimestampCheckAgreesWithNormalise(_ seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 404)
    let separators: [Character] = ["-", "-", "T", ":", ":", "Z"]
    for _ in 0..<2000 {
      func digits(_ count: Int, max: Int) -> String {
        let value = Int.random(in: 0...max, using: &rng)
        let text = String(value)
        return String(repeating: "0", count: Swift.max(0, count - text.count)) + text
      }
      var parts = [digits(4, max: 9999), digits(2, max: 14), digits(2, max: 32), digits(2, max: 25), digits(2, max: 61), digits(2, max: 62)]
      if Int.random(in: 0..<10, using: &rng) == 0 { parts[Int.random(in: 0..<6, using: &rng)] = "x" }
      var text = ""
      for (part, separator) in zip(parts, separators) {
        text += part + String(Int.random(in: 0..<25, using: &rng) == 0 ? "/" : separator)
      }
      let normalised = SignupTimestamp.normalise(text)
      #expect(SignupTimestamp.isNormal(Array(text.utf8)[...]) == (normalised == text), "\(text)")
    }
    #expect(SignupTimestamp.isNormal(Array("2024-02-29T23:59:60Z".utf8)[...]))
    #expect(!SignupTimestamp.isNormal(Array("2023-02-29T10:00:00Z".utf8)[...]))
    #expect(!SignupTimestamp.isNormal(Array("2026-11-02T09:30:00z".utf8)[...]))
  }

  /// Reordering in place keeps exactly the named sign-ups, in the named
  /// order: sign-ups whose texts and extras live on the heap, moved (not
  /// copied) through a placeholder.
  @Test(arguments: 0..<30)
  func keepingInPlaceMatchesCopying(_ seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &* 977)
    let count = Int.random(in: 0...40, using: &rng)
    let signups = (0..<count).map { index in
      Signup(
        id: "P\(index)", givenName: "G", familyName: String(repeating: "long-family-name-", count: index % 3),
        email: "person.number.\(index)@x.gov.uk", role: .mentee,
        gradeIndex: 0, grade: "AA", department: "Department for Work and Pensions \(index % 4)", profession: "",
        location: "", skillsOfferedText: "", skillsWantedText: "", mentorCapacity: 0, menteeCapacity: 1, cohort: "c",
        lineManagerEmail: "", signedUpAt: "", extra: index % 2 == 0 ? [:] : ["team": "Payments squad \(index)"],
        source: RecordLocation(file: "a.csv", fileIndex: 0, line: index + 2, record: index + 1))
    }
    let indices = Array(signups.indices.shuffled(using: &rng).prefix(Int.random(in: 0...count, using: &rng)))
    var reordered = signups
    SignupValidator.keep(indices, of: &reordered)
    #expect(reordered == indices.map { signups[$0] }, "seed \(seed)")
  }

  /// The derived id worked out on an ASCII address's bytes is the one the
  /// `String` definition gives (capitals and all); a non-ASCII address has
  /// none on bytes, and `derivedID(email:)` still gives the definition's.
  @Test(arguments: 0..<10)
  func derivedIDOnBytesMatchesTheStringDefinition(_ seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 1717)
    for _ in 0..<300 {
      let email = Bool.random(using: &rng) ? plainAddress(&rng) : addressLike(&rng)
      let definition = "e-" + SHA256Hex.of(Array(email.lowercased().utf8)).prefix(16)
      let onBytes = SignupValidator.derivedID(asciiEmail: ArraySlice(email.utf8))
      if email.utf8.allSatisfy({ $0 < 0x80 }) {
        #expect(onBytes == definition, "seed \(seed): '\(email)'")
      } else {
        #expect(onBytes == nil, "seed \(seed): '\(email)'")
      }
      #expect(SignupValidator.derivedID(email: email) == definition, "seed \(seed): '\(email)'")
    }
    #expect(SignupValidator.derivedID(email: "Ann@Example.GOV.uk") == SignupValidator.derivedID(email: "ann@example.gov.uk"))
    #expect(SignupValidator.derivedID(email: "ZOË@x.uk") == "e-" + SHA256Hex.of(Array("zoë@x.uk".utf8)).prefix(16))
  }

  /// Column lookups and field order use `position`, which must follow the template.
  @Test func fieldPositionsFollowTheTemplate() {
    #expect(SignupField.allCases.map(\.position) == Array(SignupField.allCases.indices))
    #expect(SignupField.allCases.sorted() == SignupField.allCases)
  }

  @Test func poolSharesEqualTextAndRemembersGrades() {
    var pool = TextPool()
    let first = pool.shared(String(repeating: "Department for Work", count: 1))
    let second = pool.shared("Department for " + "Work")
    #expect(first == second && second == "Department for Work")
    #expect(pool.shared("") == "" && pool.shared("HMRC") == "HMRC")
    let scale = GradeScale.civilService
    for grade in ["G7", "grade 7", "Grade 7", "G8", "SCS Pay Band 1", "", "g7"] {
      #expect(pool.gradeIndex(of: grade, in: scale) == scale.index(of: grade), "\(grade)")
      #expect(pool.gradeIndex(of: grade, in: scale) == scale.index(of: grade), "\(grade), remembered")
    }
  }
}
