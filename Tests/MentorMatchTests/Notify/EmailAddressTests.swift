@testable import MentorMatch
import Testing

@Suite struct EmailAddressTests {
  static let local64 = String(repeating: "a", count: 64)
  // 64 + 1 + 189 = 254 characters: the longest addr-spec a 256-octet path allows.
  static let domain189 = String(repeating: "d", count: 61) + "." + String(repeating: "d", count: 61) + "." + String(repeating: "d", count: 58) + ".gov.uk"

  @Test(arguments: [
    "sam.smith@cabinetoffice.gov.uk",
    "o'brien+mentoring@example.org",
    "\"john smith\"@example.gov.uk",
    "\"quote\\\"inside\"@example.gov.uk",
    "x@a-b.example.co.uk",
  ])
  func acceptsValidAddresses(_ text: String) throws {
    let address = try EmailAddress.validate(text)
    #expect(address.addrSpec == text)
  }

  @Test func acceptsAddressesAtTheRFC5321Limits() throws {
    let address = "\(Self.local64)@\(Self.domain189)"
    #expect(address.count == 254)
    #expect(try EmailAddress.validate(address).addrSpec == address)
  }

  @Test(arguments: [
    ("", EmailAddressError.empty),
    ("no-at-sign.gov.uk", .missingAt),
    ("@example.org", .emptyLocalPart),
    ("sam@", .emptyDomain),
    ("sam..smith@example.org", .invalidLocalPart),
    (".sam@example.org", .invalidLocalPart),
    ("sam smith@example.org", .invalidLocalPart),
    ("sam@localhost", .invalidDomain),
    ("sam@-bad.example.org", .invalidDomain),
    ("sam@example.123", .invalidDomain),
    ("sam@[192.0.2.1]", .addressLiteral),
    ("zoë@example.org", .nonASCII),
    ("eve@example.org\r\nBcc: x@example.org", .controlCharacter),
    ("eve\0@example.org", .controlCharacter),
    ("\(String(repeating: "a", count: 65))@example.org", .localPartTooLong(65)),
  ])
  func refusesInvalidAddresses(_ text: String, _ reason: EmailAddressError) {
    #expect(throws: reason) { try EmailAddress.validate(text) }
  }

  @Test func refusesAddressesBeyondTheLimits() {
    let longDomain = [String](repeating: String(repeating: "d", count: 63), count: 4).joined(separator: ".") + ".uk"
    #expect(throws: EmailAddressError.domainTooLong(longDomain.count)) { try EmailAddress.validate("a@" + longDomain) }
    let address = "\(Self.local64)@\(Self.domain189)x"
    #expect(throws: EmailAddressError.pathTooLong(257)) { try EmailAddress.validate(address) }
  }

  @Test func reasonsNeverRepeatTheAddress() {
    do {
      _ = try EmailAddress.validate("secret.person@localhost")
      Issue.record("expected a failure")
    } catch {
      #expect(!"\(error)".contains("secret"))
    }
  }

  @Test func masksTheLocalPart() throws {
    #expect(try EmailAddress.validate("sam.smith@CabinetOffice.gov.uk").masked == "s***@cabinetoffice.gov.uk")
  }
}
