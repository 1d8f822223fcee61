import GAIDesk

/// A screen's answer to a key: effects to perform, where to go, and a message for the status line.
public struct Reaction {
  /// Effects to perform, in order (writes show "a guardar…" until they are answered).
  public var effects: [Effect]
  /// Where to go, if anywhere.
  public var navigation: Navigation?
  /// A message for the status line.
  public var notice: Notice?
  /// What the status line says while the effects run (default: "a guardar…" for writes).
  public var busy: String?
  /// Who is now at the desk, and which desk.
  public var session: Session?
  /// The PIN the person at the desk chose (the model keeps only its verifier, in memory).
  public var pin: String?

  /// Creates a reaction.
  public init(
    _ effects: [Effect] = [], navigation: Navigation? = nil, notice: Notice? = nil, busy: String? = nil
  ) {
    self.effects = effects
    self.navigation = navigation
    self.notice = notice
    self.busy = busy
  }
}

/// Who is at the desk, and which desk.
public struct Session: Equatable, Sendable {
  /// The staff member's name.
  public var staff: String
  /// The desk visitors are called to.
  public var desk: String

  /// Creates a session.
  public init(staff: String, desk: String) {
    self.staff = staff
    self.desk = desk
  }
}

/// Where a screen asks to go.
public enum Navigation {
  /// Open a screen over this one.
  case push(Screen)
  /// Go back one screen.
  case pop
  /// Back to the queue, selecting a visit if given.
  case backToQueue(selecting: String?)
  /// Show a box over the screen.
  case overlay(Overlay)
  /// Start again from this screen (nothing behind it).
  case root(Screen)
}
