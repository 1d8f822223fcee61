/// The key bindings of one screen: they both handle keys and build the footer.
public struct KeyMap<Action> {
  /// The bindings, in footer order; the first binding of a key wins.
  public var bindings: [KeyBinding<Action>]

  /// Creates a key map from `bindings`.
  public init(_ bindings: [KeyBinding<Action>]) {
    self.bindings = bindings
  }

  /// The action bound to `key`, if any.
  public func action(for key: KeyEvent) -> Action? {
    bindings.first { $0.keys.contains(key) }?.action
  }

  /// The visible bindings as footer entries, in order.
  public var footerEntries: [FooterEntry] {
    bindings.filter { !$0.isHidden }.map { FooterEntry(key: $0.label, help: $0.help) }
  }
}

// MARK: - Sendable

extension KeyMap: Sendable where Action: Sendable {}
