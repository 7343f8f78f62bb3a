// libFuzzer target: the taxonomy loader.
//
// `Taxonomy.load(directory:)` only reads folders, so the input is written to a
// scratch folder: the bytes before the first NUL become concepts.csv, the
// rest labels.csv (absent when there is no NUL).
// Built and run by `scripts/fuzz`.
import Foundation
import MentorMatch

private let folder: String = {
  let path = NSTemporaryDirectory() + "mentormatch-fuzz-taxonomy-\(getpid())"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()

// The one unsafe line libFuzzer needs: it hands the input as a C buffer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTaxonomy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let split = bytes.firstIndex(of: 0)
  let concepts = split.map { Array(bytes[..<$0]) } ?? bytes
  let labelsPath = folder + "/labels.csv"
  // A scratch file that cannot be written would fuzz stale content: stop.
  guard FileManager.default.createFile(atPath: folder + "/concepts.csv", contents: Data(concepts)) else {
    fatalError("cannot write \(folder)/concepts.csv")
  }
  if let split {
    guard FileManager.default.createFile(atPath: labelsPath, contents: Data(bytes[(split + 1)...])) else {
      fatalError("cannot write \(labelsPath)")
    }
  } else {
    try? FileManager.default.removeItem(atPath: labelsPath)
  }
  do {
    _ = try Taxonomy.load(directory: folder)
  } catch {
    if "\(error)".isEmpty { fatalError("empty taxonomy error") }
  }
  return 0
}
