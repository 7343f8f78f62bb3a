import Foundation

extension EmailTemplateSet {
  /// The custom template files the settings name, by template: every known
  /// `<kind>.<part>.mustache` in `[email.templates] dir`, then the single
  /// files, which override the folder. A `.mustache` file in the folder whose
  /// name is not a known template is an error, so a misspelt name is never
  /// ignored. Templates not listed use the shipped defaults.
  public static func customFiles(settings: EmailSettings) throws(NotifyError) -> [EmailTemplateName: String] {
    var paths: [EmailTemplateName: String] = [:]
    if let directory = settings.templateDirectory {
      let files: [String]
      do { files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted() } catch {
        throw .template(name: directory, problem: "cannot read the templates folder")
      }
      let known = Dictionary(uniqueKeysWithValues: EmailTemplateName.all.map { ($0.fileName, $0) })
      for file in files where file.hasSuffix(".mustache") {
        guard let name = known[file] else {
          let list = EmailTemplateName.all.map(\.fileName).joined(separator: ", ")
          throw .template(name: directory + "/" + file, problem: "not a known template name (known: \(list))")
        }
        paths[name] = directory + "/" + file
      }
    }
    for (name, path) in settings.templateFiles { paths[name] = path }
    return paths
  }

  /// Parses templates from their bytes as a run folder stores them (one
  /// `<kind>.<part>.mustache` per custom template), so a run and its audit
  /// render from the same bytes.
  /// - Parameter files: file name → bytes; names that are not templates are an error.
  /// - Parameter folder: where the files are, for messages.
  public init(files: [String: [UInt8]], folder: String) throws(NotifyError) {
    let known = Dictionary(uniqueKeysWithValues: EmailTemplateName.all.map { ($0.fileName, $0) })
    var sources: [EmailTemplateName: String] = [:]
    var origins: [EmailTemplateName: String] = [:]
    for (file, bytes) in files.sorted(by: { $0.key < $1.key }) {
      let origin = folder + "/" + file
      guard let name = known[file] else { throw .template(name: origin, problem: "not a known template name") }
      sources[name] = try Self.text(bytes, origin: origin)
      origins[name] = origin
    }
    try self.init(sources: sources, origins: origins)
  }

  static func text(_ bytes: [UInt8], origin: String) throws(NotifyError) -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .template(name: origin, problem: "not valid UTF-8")
    }
    return text
  }
}
