/// Keys that trigger an action, with the help text shown for them, like Bubble Tea's `key.Binding`.
public struct KeyBinding<Action> {
  /// The keys that trigger the action.
  public var keys: [KeyEvent]
  /// The action triggered.
  public var action: Action
  /// What the action does, already translated (shown in the footer and help).
  public var help: String
  /// The key text shown in the footer; by default the keys' labels joined by "/".
  public var label: String
  /// Whether the binding is left out of the footer.
  public var isHidden: Bool

  /// Creates a binding of `keys` to `action` described by `help`.
  public init(_ keys: [KeyEvent], _ action: Action, help: String, label: String? = nil, hidden: Bool = false)
  {
    self.keys = keys
    self.action = action
    self.help = help
    self.label = label ?? keys.map(\.label).joined(separator: "/")
    self.isHidden = hidden
  }

  /// Creates a binding of one `key` to `action` described by `help`.
  public init(_ key: KeyEvent, _ action: Action, help: String, label: String? = nil, hidden: Bool = false) {
    self.init([key], action, help: help, label: label, hidden: hidden)
  }
}

// MARK: - Sendable

extension KeyBinding: Sendable where Action: Sendable {}
