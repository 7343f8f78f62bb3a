import Crypto
import Foundation

/// SHA-256 (FIPS 180-4) digests as lowercase hex, the form every manifest uses.
public enum SHA256Hex {
  /// The digest of bytes in memory.
  public static func of(_ bytes: some DataProtocol) -> String {
    hex(SHA256.hash(data: bytes))
  }

  /// The digest of a file, read in 1 MiB chunks so memory stays flat for
  /// large exports.
  public static func ofFile(atPath path: String) throws(StateError) -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw StateError.io(path: path, reason: "cannot open for reading")
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    do {
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(data: chunk)
      }
    } catch {
      throw StateError.io(path: path, reason: "read failed: \(error.localizedDescription)")
    }
    return hex(hasher.finalize())
  }

  private static func hex(_ digest: SHA256.Digest) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in digest {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
