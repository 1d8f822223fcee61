import GAIDesk
import TerminalUI

/// A screen: it owns its state, answers a key with a ``Reaction`` (effects and where to go), and computes
/// its layout once for drawing and for key handling. ``AppModel`` applies reactions in one place, so a new
/// screen needs no edits outside its own file (it is shown as ``Screen/custom(_:)``).
public protocol AppScreen {
  /// The keys of the screen; its visible bindings make the footer and the help.
  func keyMap(_ tr: Translator) -> KeyMap<Command>
  /// Draws the screen into `area`; returns where the cursor goes (nil hides it).
  func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point?
  /// Answers a command of its key map.
  mutating func handle(_ command: Command, model: AppModel) -> Reaction
  /// Answers a key its key map does not bind (typing, arrows).
  mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction
  /// Answers the success of an effect it asked for.
  mutating func completed(_ effect: Effect, result: EffectResult, model: AppModel) -> Reaction
  /// Takes the failure of an effect it asked for; false lets the model show it in a box.
  mutating func failed(_ effect: Effect, message: String) -> Bool
  /// Answers a question box it asked for (`yes` or not), after the model closed it.
  mutating func answered(_ overlay: Overlay, yes: Bool, model: AppModel) -> Reaction
  /// Whether going back would lose something typed (the model then asks first).
  var isDirty: Bool { get }
  /// Whether Esc closes a part of the screen (it then gets `.back`) rather than the screen.
  var isInPanel: Bool { get }
  /// The box Esc opens instead of leaving the screen; nil leaves it (asking first when typing would be lost).
  func leavingBox(model: AppModel) -> Overlay?
  /// Shows what it holds as text (a date in a field) as the language `tr` writes it, after F2.
  mutating func languageChanged(to tr: Translator)
}

extension AppScreen {
  /// Keys not bound change nothing.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction { Reaction() }
  /// Nothing more to do after a success.
  public mutating func completed(_ effect: Effect, result: EffectResult, model: AppModel) -> Reaction {
    Reaction()
  }
  /// Answers need nothing more.
  public mutating func answered(_ overlay: Overlay, yes: Bool, model: AppModel) -> Reaction { Reaction() }
  /// Failures are shown in a box.
  public mutating func failed(_ effect: Effect, message: String) -> Bool { false }
  /// Nothing typed to lose.
  public var isDirty: Bool { false }
  /// Esc leaves the screen.
  public var isInPanel: Bool { false }
  /// Esc asks nothing more than `isDirty` says.
  public func leavingBox(model: AppModel) -> Overlay? { nil }
  /// Nothing held as text depends on the language.
  public mutating func languageChanged(to tr: Translator) {}
}

/// What an effect produced: the visit and referrals it concerned.
public struct EffectResult: Equatable, Sendable {
  /// The visit concerned, if any.
  public var visitID: String?
  /// The referral made, if any.
  public var referralID: String?

  /// Creates a result.
  public init(visitID: String? = nil, referralID: String? = nil) {
    self.visitID = visitID
    self.referralID = referralID
  }
}
