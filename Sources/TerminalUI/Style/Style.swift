/// How a cell is drawn: its role, plus attributes added on top of the theme's.
public struct Style: Hashable, Sendable {
  /// The role the theme turns into colours and attributes.
  public var role: Role
  /// Attributes added to the theme's attributes for the role.
  public var attributes: Attributes

  /// Creates a style for `role` with extra `attributes`.
  public init(_ role: Role = .normal, attributes: Attributes = []) {
    self.role = role
    self.attributes = attributes
  }

  /// Plain text.
  public static let normal = Style(.normal)
}
