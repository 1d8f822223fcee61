import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The administrator's screen of people and access: reached only as the core's matrix allows; its forms ask
/// the core's own operations.
@Suite("People and access screen")
struct AccountsScreenTests {
  /// The model at the queue with accounts, `staff` at the desk.
  static func model(as staff: String) -> AppModel {
    var model = Fixture.model()
    model.setState(Fixture.withAccounts())
    model.staff = staff
    return model
  }

  static func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  @Test("front desk and supervisors are refused by the core's matrix, which says who can")
  func onlyAdministrators() {
    for name in ["Rui Fortes", "Rosa Lima"] {
      var model = Self.model(as: name)
      Fixture.press(&model, [.character("e")])
      #expect(model.queueScreen != nil, "\(name) stays at the queue")
      guard case .message(let text)? = model.overlay else {
        Issue.record("no refusal box for \(name)")
        continue
      }
      #expect(text.contains("não pode gerir as contas: só um(a) administrador(a) pode"), "\(text)")
    }
    var ana = Self.model(as: "Ana")
    Fixture.press(&ana, [.character("e")])
    #expect(ana.current(AccountsScreen.self) != nil)
    let text = Self.text(ana)
    for line in ["Rosa Lima", "supervisão", "Rui Fortes", "atendimento", "código de recuperação"] {
      #expect(text.contains(line), "\(line)")
    }
  }

  @Test("adding asks the passphrase twice and the role; the core's answer comes back to the list")
  func adding() {
    var model = Self.model(as: "Ana")
    Fixture.press(&model, [.character("e"), .character("n")])
    Fixture.type(&model, "Dária Monteiro")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "a frase da Dária")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "outra frase")
    #expect(Fixture.press(&model, [.enter]) == [])
    #expect(Self.text(model).contains("As duas palavras-passe são diferentes"))
    #expect(model.current(AccountsScreen.self)?.form.focus == 1, "the cursor is back on the passphrase")
    Fixture.type(&model, "a frase da Dária")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "a frase da Dária")
    Fixture.press(&model, [.right])
    let effects = Fixture.press(&model, [.enter])
    let add = Effect.addAccount(name: "Dária Monteiro", role: .supervisor, passphrase: "a frase da Dária")
    #expect(effects == [add])
    // The core refuses (a weak passphrase, a name taken): said on the form, which stays.
    _ = model.update(.failed(add, GAIDeskError(.accountExists, "Dária Monteiro")))
    #expect(model.current(AccountsScreen.self)?.mode == .add)
    #expect(model.overlay == nil)
    _ = model.update(.done(add, Fixture.withAccounts(), visitID: nil, referralID: nil))
    #expect(model.current(AccountsScreen.self)?.mode == .list)
    #expect(model.notice?.text.contains("Dária Monteiro adicionado(a) (supervisão)") == true)
  }

  @Test("removing says what removal does before the core removes; a role is chosen from the three")
  func removingAndRoles() {
    var model = Self.model(as: "Ana")
    Fixture.press(&model, [.character("e"), .down, .down, .down, .character("r")])
    let text = Self.text(model)
    #expect(text.contains("Retirar Rui Fortes?"))
    #expect(text.contains("época de chaves"))
    #expect(text.contains("ler uma cópia"))
    #expect(Fixture.press(&model, [.enter]) == [.removeAccount(name: "Rui Fortes")])
    _ = model.update(
      .done(.removeAccount(name: "Rui Fortes"), Fixture.withAccounts(), visitID: nil, referralID: nil))
    Fixture.press(&model, [.up, .character("e"), .down])
    #expect(Fixture.press(&model, [.enter]) == [.changeRole(name: "Rosa Lima", role: .administrator)])
  }

  @Test(
    "someone removed while the session is open is not offered at the locked screen, and their PIN is refused")
  func removedPersonLeavesTheDesk() {
    var model = Self.model(as: "Ana")
    // Rui joins at the desk with his own passphrase and chooses a PIN.
    Fixture.press(&model, [.control("l"), .down])
    Fixture.type(&model, "rui-no-balcao")
    _ = Fixture.press(&model, [.enter])
    _ = model.update(.passphraseChecked(person: "Rui Fortes"))
    Fixture.type(&model, "73916248")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "73916248")
    Fixture.press(&model, [.enter])
    #expect(model.staff == "Rui Fortes")
    // Ana removes him (the journal now says so); at the next lock he is not offered.
    var state = Fixture.withAccounts()
    state.apply(
      EventBatch(staff: "Ana", office: "praia", events: [.accountRemoved(id: "u3")]),
      time: Fixture.at(minutesAgo: 1, counter: 90))
    model.setState(state)
    Fixture.press(&model, [.control("l")])
    #expect(model.lockScreen?.people == ["Ana"])
    #expect(!Self.text(model).contains("Rui Fortes · PIN"), "\(Self.text(model))")
  }

  @Test("lock times: shown on the list, changed in a form the core checks, a word that is no number refused")
  func lockTimes() {
    var model = Self.model(as: "Ana")
    Fixture.press(&model, [.character("e")])
    #expect(Self.text(model).contains("o ecrã bloqueia após 3 min sem tecla"))
    Fixture.press(&model, [.character("t")])
    #expect(model.current(AccountsScreen.self)?.isDirty == false)
    #expect(Self.text(model).contains("Bloquear após (min sem tecla, 1–30)"))
    Fixture.type(&model, "5")
    Fixture.press(&model, [.tab, .tab])
    Fixture.type(&model, "oito")
    #expect(model.current(AccountsScreen.self)?.isDirty == true)
    #expect(Fixture.press(&model, [.enter]) == [])
    #expect(Self.text(model).contains("«oito» não é um número inteiro"))
    Fixture.press(&model, [.control("u")])
    Fixture.type(&model, "8")
    let set = Effect.setLockTimes(LockTimesChange(idleMinutes: 5, wipeMinutes: 15, sessionHours: 8))
    #expect(Fixture.press(&model, [.enter]) == [set])
    // The core's bounds are the only rule: its refusal stays on the form.
    _ = model.update(.failed(set, GAIDeskError(.lockTimeRange, "idle-minutes", "1", "30", "45")))
    #expect(
      Self.text(model).contains("O tempo sem tecla até bloquear (--idle-minutes) deve estar entre 1 e 30"))
    var changed = Fixture.withAccounts()
    changed.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [.lockTimesChanged(LockTimesChange(idleMinutes: 5, wipeMinutes: 15, sessionHours: 8))]),
      time: Fixture.at(minutesAgo: 1, counter: 90))
    _ = model.update(.done(set, changed, visitID: nil, referralID: nil))
    #expect(model.current(AccountsScreen.self)?.mode == .list)
    #expect(model.notice?.text.contains("Tempos de bloqueio guardados: 5 min, 15 min, 8 h") == true)
    #expect(Self.text(model).contains("o ecrã bloqueia após 5 min sem tecla"))
  }
}
