// libFuzzer target: the taxonomy loader, and `taxonomy curate` on what loads.
//
// `Taxonomy.load(directory:)` only reads folders, so the input is written to a
// scratch folder: the bytes before the first NUL become concepts.csv, the
// rest labels.csv (absent when there is no NUL). Bytes after a second NUL are
// a curator's skills-curation.csv: when the taxonomy loads and the curation
// is accepted, its labels are written and applying it again must add nothing.
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
  let rest = split.map { Array(bytes[($0 + 1)...]) }
  let second = rest?.firstIndex(of: 0)
  if let rest {
    let labels = second.map { Array(rest[..<$0]) } ?? rest
    guard FileManager.default.createFile(atPath: labelsPath, contents: Data(labels)) else {
      fatalError("cannot write \(labelsPath)")
    }
  } else {
    try? FileManager.default.removeItem(atPath: labelsPath)
  }
  do {
    _ = try Taxonomy.load(directory: folder)
  } catch {
    if "\(error)".isEmpty { fatalError("empty taxonomy error") }
    return 0
  }
  guard let rest, let second else { return 0 }
  let curation = Array(rest[(second + 1)...])
  do {
    let plan = try TaxonomyCuration.plan(curation: curation, name: "skills-curation.csv", taxonomy: folder)
    guard !plan.added.isEmpty else { return 0 }
    try plan.write(taxonomy: folder)
    let again: TaxonomyCuration
    do {
      again = try TaxonomyCuration.plan(curation: curation, name: "skills-curation.csv", taxonomy: folder)
    } catch {
      fatalError("a curation accepted once is refused the second time: \(error)")
    }
    if !again.added.isEmpty { fatalError("curating twice added \(again.added.count) labels again") }
  } catch {
    if "\(error)".isEmpty { fatalError("empty curation error") }
  }
  return 0
}
