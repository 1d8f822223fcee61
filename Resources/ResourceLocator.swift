import Foundation

/// Locates the reference data files shipped with the program.
public enum ResourceLocator {
  /// The URL of a data file such as `municipalities.json`, or nil when it is not shipped.
  public static func url(for name: String) -> URL? {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "data")
  }
}
