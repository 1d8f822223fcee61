import Foundation

/// `office.json`: which municipality this office serves and the data directory's format version.
public struct OfficeIdentity: Codable, Equatable, Sendable {
  /// The data-directory format this program writes and the newest it opens.
  public static let currentFormat = 1

  /// Format version.
  public var format: Int
  /// The municipality code.
  public var office: String
  /// When the office was created (ISO 8601).
  public var created: String
}

/// `device.json`: the origin this device writes as, bound to the machine and folder it was made on.
struct DeviceIdentity: Codable, Equatable {
  var origin: String
  var fingerprint: String

  /// What identifies this machine and data folder; a copied folder or cloned disk gets a new origin.
  static func fingerprint(root: String) -> String {
    let machine =
      (try? String(contentsOfFile: "/etc/machine-id", encoding: .utf8))?
      .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    var info = stat()
    let inode = stat(root, &info) == 0 ? "\(info.st_dev):\(info.st_ino)" : ""
    return "\(machine)|\(ProcessInfo.processInfo.hostName)|\(inode)"
  }
}

/// `settings.json`: this installation's preferences (no personal data of visitors).
public struct OfficeSettings: Codable, Equatable, Sendable {
  /// The staff member who acts when `--staff` is not given.
  public var staff: String?
  /// The interface language code.
  public var language: String?

  /// Settings with nothing set.
  public init(staff: String? = nil, language: String? = nil) {
    self.staff = staff
    self.language = language
  }
}
