/// The program's version, kept equal to the VERSION file by a test (`gaidesk --version` adds the journal format).
public enum GAIDeskVersion {
  /// The program version, from the VERSION file.
  public static let string = "0.2.0"
}
