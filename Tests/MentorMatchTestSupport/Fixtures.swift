import Foundation

/// Paths into the repository, for tests that read `fixtures/`.
public enum Fixtures {
  /// The repository root, found from this file's path.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A path under `fixtures/`.
  public static func path(_ relative: String) -> String {
    root.appendingPathComponent("fixtures").appendingPathComponent(relative).path
  }

  /// A fresh private temporary folder.
  public static func temporaryDirectory(_ label: String = "mm") throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// For tests that logs and messages carry no email address.
public enum Addresses {
  /// Whether `text` holds anything shaped like an address (`name@host.tld`);
  /// an '@' on its own, as in the reason "no '@'", does not count.
  public static func found(in text: String) -> Bool {
    text.range(of: "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]+", options: .regularExpression) != nil
  }
}
