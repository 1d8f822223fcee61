/// A person who comes to the office.
public struct Visitor: Equatable, Sendable {
  /// Stable id, e.g. `V-K7QD-12`.
  public var id: String
  /// Full name as the person writes it.
  public var fullName: String
  /// Other names or spellings the person is known by.
  public var aliases: [String] = []
  /// `F`, `M` or `X`, when given.
  public var sex: Sex?
  /// Year of birth, when given.
  public var birthYear: Int?
  /// Date of birth (YYYY-MM-DD), when given.
  public var birthDate: String?
  /// Nationality as an ISO 3166 alpha-2 code.
  public var nationality: String?
  /// Languages spoken (ISO 639 codes), preferred first.
  public var languages: [String] = []
  /// Telephone number.
  public var phone: String?
  /// Island of residence (code).
  public var island: String?
  /// Municipality of residence (code).
  public var municipality: String?
  /// Identity document, when recorded.
  public var document: IdentityDocument?
  /// Consent to store the person's data.
  public var consentToStore: Consent?
  /// Consent to share the person's data with partners.
  public var consentToShare: Consent?
  /// The id of the record this one was merged into, if any.
  public var mergedInto: String?

  /// Creates a visitor with a name; other fields default to empty.
  public init(id: String, fullName: String) {
    self.id = id
    self.fullName = fullName
  }
}

/// Sex as recorded at the desk.
public enum Sex: String, Sendable, CaseIterable {
  case female = "F"
  case male = "M"
  case other = "X"
}

/// An identity document's type and number.
public struct IdentityDocument: Equatable, Sendable {
  /// Passport, residence card, national id…
  public var type: String
  /// The document number.
  public var number: String

  /// Creates a document.
  public init(type: String, number: String) {
    self.type = type
    self.number = number
  }
}

/// A yes or no given by the visitor, when, and who recorded it.
public struct Consent: Equatable, Sendable {
  /// Whether consent was given.
  public var granted: Bool
  /// The day it was recorded (YYYY-MM-DD).
  public var date: String
  /// The staff member who recorded it.
  public var recordedBy: String

  /// Creates a consent record.
  public init(granted: Bool, date: String, recordedBy: String) {
    self.granted = granted
    self.date = date
    self.recordedBy = recordedBy
  }
}
