import Foundation

/// Every regular file under `folder`, by relative path, with its bytes.
func files(under folder: URL) throws -> [String: Data] {
  var result: [String: Data] = [:]
  let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
  while let url = enumerator?.nextObject() as? URL {
    guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
    result[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
  }
  return result
}
