// libFuzzer target: the config loader (TOML text to validated settings).
// Built and run by `scripts/fuzz`.
import MentorMatch

// The one unsafe line libFuzzer needs: it hands the input as a C buffer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  do {
    _ = try MentorMatchConfig.parse(bytes: bytes, file: "fuzz.toml", baseDirectory: "/nonexistent")
  } catch {
    let message = "\(error)"
    if !message.hasPrefix("fuzz.toml") { fatalError("config error does not name the file: \(message)") }
  }
  return 0
}
