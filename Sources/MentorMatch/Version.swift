public enum MentorMatchVersion {
  /// The tool version, recorded in every run manifest.
  public static let current = "0.1.0"
}
