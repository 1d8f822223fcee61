/// A table of roles to colours and attributes, as htop's colour schemes.
public struct Theme: Hashable, Sendable {
  /// How one role is drawn.
  public struct Appearance: Hashable, Sendable {
    /// The text colour.
    public var foreground: Color
    /// The background colour.
    public var background: Color
    /// The attributes.
    public var attributes: Attributes

    /// Creates an appearance.
    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
      self.foreground = foreground
      self.background = background
      self.attributes = attributes
    }
  }

  /// Whether the theme uses colours at all (false for NO_COLOR).
  public var usesColor: Bool
  private var appearances: [Role: Appearance]

  /// Creates a theme; roles missing from `appearances` are drawn as plain text.
  public init(usesColor: Bool, appearances: [Role: Appearance]) {
    self.usesColor = usesColor
    self.appearances = appearances
  }

  /// The appearance of `role`.
  public subscript(role: Role) -> Appearance {
    get { appearances[role] ?? Appearance() }
    set { appearances[role] = newValue }
  }

  /// The default colour theme.
  public static let standard = Theme(
    usesColor: true,
    appearances: [
      .normal: Appearance(),
      .title: Appearance(foreground: .cyan, attributes: .bold),
      .header: Appearance(foreground: .yellow, attributes: .bold),
      .selected: Appearance(foreground: .black, background: .cyan),
      .focus: Appearance(foreground: .yellow, attributes: .bold),
      .muted: Appearance(foreground: .blue),
      .warning: Appearance(foreground: .yellow, attributes: .bold),
      .error: Appearance(foreground: .red, attributes: .bold),
      .success: Appearance(foreground: .green, attributes: .bold),
      .key: Appearance(foreground: .black, background: .cyan),
      .border: Appearance(foreground: .cyan),
      .highlight: Appearance(foreground: .black, background: .yellow),
      .chartBar: Appearance(foreground: .green),
    ])

  /// The theme for NO_COLOR: only bold, underline and reverse.
  public static let monochrome = Theme(
    usesColor: false,
    appearances: [
      .normal: Appearance(),
      .title: Appearance(attributes: .bold),
      .header: Appearance(attributes: [.bold, .underline]),
      .selected: Appearance(attributes: .reverse),
      .focus: Appearance(attributes: [.bold, .underline]),
      .muted: Appearance(),
      .warning: Appearance(attributes: .bold),
      .error: Appearance(attributes: [.bold, .underline]),
      .success: Appearance(attributes: .bold),
      .key: Appearance(attributes: .reverse),
      .border: Appearance(),
      .highlight: Appearance(attributes: [.bold, .reverse]),
      .chartBar: Appearance(),
    ])
}
