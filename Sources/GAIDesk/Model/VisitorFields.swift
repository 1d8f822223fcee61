/// The details of a visitor that an update sets. An update changes only these, so two desks editing
/// different details of one person both keep their change.
public struct VisitorFields: OptionSet, Hashable, Sendable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  public static let fullName = VisitorFields(rawValue: 1 << 0)
  public static let aliases = VisitorFields(rawValue: 1 << 1)
  public static let sex = VisitorFields(rawValue: 1 << 2)
  /// Year and date of birth.
  public static let birth = VisitorFields(rawValue: 1 << 3)
  public static let nationality = VisitorFields(rawValue: 1 << 4)
  public static let languages = VisitorFields(rawValue: 1 << 5)
  public static let phone = VisitorFields(rawValue: 1 << 6)
  /// Island and municipality.
  public static let residence = VisitorFields(rawValue: 1 << 7)
  public static let document = VisitorFields(rawValue: 1 << 8)
  public static let consentToStore = VisitorFields(rawValue: 1 << 9)
  public static let consentToShare = VisitorFields(rawValue: 1 << 10)
  /// Every detail (format-1 updates replaced them all).
  public static let all = VisitorFields(rawValue: (1 << 11) - 1)

  /// The fields in which `a` and `b` differ.
  public static func differing(_ a: Visitor, _ b: Visitor) -> VisitorFields {
    var fields: VisitorFields = []
    if a.fullName != b.fullName { fields.insert(.fullName) }
    if a.aliases != b.aliases { fields.insert(.aliases) }
    if a.sex != b.sex { fields.insert(.sex) }
    if a.birthYear != b.birthYear || a.birthDate != b.birthDate { fields.insert(.birth) }
    if a.nationality != b.nationality { fields.insert(.nationality) }
    if a.languages != b.languages { fields.insert(.languages) }
    if a.phone != b.phone { fields.insert(.phone) }
    if a.island != b.island || a.municipality != b.municipality { fields.insert(.residence) }
    if a.document != b.document { fields.insert(.document) }
    if a.consentToStore != b.consentToStore { fields.insert(.consentToStore) }
    if a.consentToShare != b.consentToShare { fields.insert(.consentToShare) }
    return fields
  }

  /// Copies the fields in `self` from `source` into `target`.
  public func copy(from source: Visitor, into target: inout Visitor) {
    if contains(.fullName) { target.fullName = source.fullName }
    if contains(.aliases) { target.aliases = source.aliases }
    if contains(.sex) { target.sex = source.sex }
    if contains(.birth) {
      target.birthYear = source.birthYear
      target.birthDate = source.birthDate
    }
    if contains(.nationality) { target.nationality = source.nationality }
    if contains(.languages) { target.languages = source.languages }
    if contains(.phone) { target.phone = source.phone }
    if contains(.residence) {
      target.island = source.island
      target.municipality = source.municipality
    }
    if contains(.document) { target.document = source.document }
    if contains(.consentToStore) { target.consentToStore = source.consentToStore }
    if contains(.consentToShare) { target.consentToShare = source.consentToShare }
  }
}

/// Two desks changed the same details of one person without seeing each other's change: the change that
/// comes later in the canonical order is kept, and the other is shown here, never dropped.
public struct VisitorConflict: Equatable, Sendable {
  /// The visitor.
  public var visitorID: String
  /// The details both changed.
  public var fields: VisitorFields
  /// The visitor as the overwritten change had left those details.
  public var overwritten: Visitor
  /// Who made the change that was kept, and when (wall time).
  public var keptBy: String
  /// When the kept change was written.
  public var keptAt: WallTime
}
