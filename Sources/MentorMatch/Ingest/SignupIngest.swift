/// Reads every export named in the settings through ``CSVReader`` and
/// validates it. The only part of ingest that touches files.
public enum SignupIngest {
  /// Reads and validates the exports.
  ///
  /// - Parameter open: opens a file; by default the live path with the
  ///   settings' CSV options. The audit passes one that reads the run
  ///   folder's copies instead.
  public static func read(
    settings: InputSettings,
    open: ((InputFile) throws(CSVError) -> CSVReader)? = nil
  ) throws(IngestError) -> IngestResult {
    var validator = SignupValidator(settings: settings)
    for file in settings.files {
      do {
        let reader = try open?(file) ?? CSVReader(path: file.path, options: settings.csv)
        validator.begin(file: file, byteCount: reader.byteCount)
        try reader.forEachRowView { row in try validator.consume(row) }
      } catch let error as IngestError {
        throw error
      } catch let error as CSVError {
        throw .csv(error)
      } catch {
        throw .csv(CSVError(file: file.name, kind: .readFailed(reason: "\(error)")))
      }
      try validator.end()
    }
    return try validator.finish()
  }
}
