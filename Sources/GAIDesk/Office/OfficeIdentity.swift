import Foundation

/// `office.json`: which municipality this office serves and the data directory's format version.
public struct OfficeIdentity: Codable, Equatable, Sendable {
  /// The data-directory format this program writes and the newest it opens.
  public static let currentFormat = 2

  /// Format version.
  public var format: Int
  /// The office's unique id (a UUID, from format 2): device marks and bundles name the office by it.
  public var id: String?
  /// The municipality code.
  public var office: String
  /// When the office was created (ISO 8601).
  public var created: String
}

/// `settings.json`: this installation's preferences (no personal data of visitors).
public struct OfficeSettings: Codable, Equatable, Sendable {
  /// The name of the last person at the desk (from before accounts: the staff member who acted).
  public var staff: String?
  /// The interface language code.
  public var language: String?
  /// The key slot file that opened the office last on this PC, tried first next time.
  public var slot: String?

  /// Settings with nothing set.
  public init(staff: String? = nil, language: String? = nil) {
    self.staff = staff
    self.language = language
  }
}
