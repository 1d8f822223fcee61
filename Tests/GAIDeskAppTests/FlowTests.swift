import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

@Suite("Flows (reducer)")
struct FlowTests {
  @Test("first run: municipality by typing, passphrase twice, staff name → create the office")
  func firstRun() {
    var model = AppModel(
      hasOffice: false, settings: OfficeSettings(), size: Size(width: 80, height: 24), now: Fixture.now)
    Fixture.type(&model, "prai")
    Fixture.press(&model, [.enter])
    Fixture.type(&model, "secret one")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "secret two")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "Maria")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    guard let setup = model.current(SetupScreen.self) else { Issue.record("left setup"); return }
    #expect(setup.error == model.tr("setup.mismatch"))
    Fixture.type(&model, "secret one")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "secret one")
    let effects = Fixture.press(&model, [.enter, .enter])
    #expect(effects == [.createOffice(municipality: "praia", passphrase: "secret one", staff: "Maria")])
    let after = model.update(.opened(office: "praia", state: OfficeState()))
    #expect(after == [.saveSettings(language: .portuguese)])
    #expect(model.current(PinSetScreen.self) != nil, "the new office's first person is asked for a PIN")
    Fixture.press(&model, [.escape])
    guard model.queueScreen != nil else { Issue.record("not at the queue"); return }
  }

  @Test("a wrong passphrase says so, clears the field and lets them retry")
  func wrongPassphrase() {
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana"), size: Size(width: 80, height: 24),
      now: Fixture.now)
    Fixture.type(&model, "nope")
    let effects = Fixture.press(&model, [.enter])
    #expect(effects == [.unlock(passphrase: "nope")])
    _ = model.update(.failed(effects[0], GAIDeskError(.passphraseWrong)))
    guard case .custom(let screen) = model.screen, let unlock = screen as? UnlockScreen else {
      Issue.record("left unlock")
      return
    }
    #expect(unlock.passphrase.text.isEmpty)
    #expect(model.view().grid.lines.joined().contains("Palavra-passe errada"))
    Fixture.type(&model, "right")
    #expect(Fixture.press(&model, [.enter]) == [.unlock(passphrase: "right")])
  }

  /// The worker's answer to João Gonçalves's (V-4) arrival: ticket A-006, visit T-6.
  static func arrived(_ model: inout AppModel) {
    var state = Fixture.state()
    state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [.visitArrived(visitID: "T-6", visitorID: "V-4", day: Fixture.today, number: 6)]),
      time: Fixture.at(minutesAgo: 0, counter: 99))
    _ = model.update(.done(.arrive(visitorID: "V-4", again: true), state, visitID: "T-6", referralID: nil))
  }

  @Test(
    "arrival: search from the first letter, pick with arrows, ticket shown, back on the queue at the ticket")
  func arrival() {
    var model = Fixture.model()
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "j")
    guard let screen = model.current(ArrivalScreen.self) else { Issue.record("no arrival"); return }
    #expect(screen.hits.contains("V-4"))
    Fixture.type(&model, "oao gon")
    // João still holds A-004 (waiting): the desk asks before a second ticket (SecondTicketDeskTests).
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    #expect(Fixture.press(&model, [.character("s")]) == [.arrive(visitorID: "V-4", again: true)])
    Self.arrived(&model)
    #expect(model.view().grid.lines.joined().contains("Senha A-006 para João Gonçalves"))
    guard model.queueScreen != nil else { Issue.record("the ticket is not shown over the queue"); return }
    Fixture.press(&model, [.enter])
    guard let queue = model.queueScreen else { Issue.record("not back on the queue"); return }
    #expect(model.selectedVisit(queue)?.id == "T-6")
  }

  @Test("typing ahead past the ticket: a goes on to the next arrival, a queue command only closes the box")
  func typingPastTheTicket() {
    func ticketShown() -> AppModel {
      var model = Fixture.model()
      Fixture.press(&model, [.character("a")])
      Fixture.type(&model, "joao gon")
      _ = Fixture.press(&model, [.enter])
      Self.arrived(&model)
      return model
    }
    // The next person's name typed at once after `a`: it lands in a new arrival form, nothing else happens.
    var model = ticketShown()
    #expect(Fixture.press(&model, [.character("a")]).isEmpty)
    #expect(Fixture.type(&model, "Lucia").isEmpty, "no letter of the name acts on the queue")
    #expect(
      model.current(ArrivalScreen.self)?.query.text == "Lucia",
      "\(model.view().grid.lines.joined(separator: "\n"))")
    // A queue command (c calls the next visitor) only closes the box: nobody is called by a key meant for it.
    model = ticketShown()
    #expect(Fixture.press(&model, [.character("c")]).isEmpty)
    #expect(model.queueScreen != nil && model.overlay == nil)
  }

  @Test("a new visitor's short form: Tab between fields, duplicates warned, Esc asks before losing it")
  func newVisitor() {
    var model = Fixture.model()
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "Aminata Balde")
    Fixture.press(&model, [.control("n")])
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "guiné-bissau")
    // The core's duplicates rule: a similar name and the same nationality.
    #expect(model.view().grid.lines.joined().contains("Aminata Baldé"))
    Fixture.press(&model, [.tab, .tab, .tab])
    Fixture.type(&model, "s")
    Fixture.press(&model, [.escape])
    guard case .confirmDiscard = model.overlay else { Issue.record("Esc did not ask"); return }
    Fixture.press(&model, [.character("n")])
    // A look-alike (Aminata Baldé) is on file: the first Enter only asks, the second registers.
    #expect(Fixture.press(&model, [.enter]) == [])
    #expect(model.view().grid.lines.joined().contains("Enter de novo regista mesmo assim"))
    let effects = Fixture.press(&model, [.enter])
    var form = VisitorForm(fullName: "Aminata Balde")
    form.nationality = "GW"
    form.consentToShare = true
    form.municipality = "praia"
    #expect(effects == [.arriveNew(form)])
  }

  @Test("nationality: a code, or the start of every word of a name; ambiguous names are not taken")
  func nationality() {
    #expect(ArrivalScreen.countries("GW") == ["GW"])
    #expect(ArrivalScreen.countries("guine bissau") == ["GW"])
    #expect(ArrivalScreen.countries("bissau") == ["GW"])
    #expect(
      ArrivalScreen.countries("guiné").contains("GN") && ArrivalScreen.countries("guiné").contains("GW"))
    #expect(ArrivalScreen.countries("senegal") == ["SN"])
    #expect(ArrivalScreen.countries("xyzzy").isEmpty)
  }

  @Test("serving: topics filtered and toggled, referral from suggestions, consent asked, one close effect")
  func serve() {
    var model = Fixture.model()
    model.desk = "2"  // desk 1 still has A-002 called
    Fixture.press(&model, [.down])  // A-004 João (waiting)… rows: called A-002, waiting
    guard let queue = model.queueScreen, let visit = model.selectedVisit(queue) else {
      Issue.record("no queue"); return
    }
    #expect(visit.id == "T-4")
    #expect(Fixture.press(&model, [.enter]) == [.call(visitID: "T-4", desk: "2")])
    var state = Fixture.state()
    state.apply(
      EventBatch(staff: "Ana", office: "praia", events: [.visitCalled(visitID: "T-4", desk: "2")]),
      time: Fixture.at(minutesAgo: 0, counter: 98))
    _ = model.update(.done(.call(visitID: "T-4", desk: "2"), state, visitID: "T-4", referralID: nil))
    guard model.current(ServeScreen.self) != nil else { Issue.record("not serving"); return }
    Fixture.type(&model, "prorrog")
    Fixture.press(&model, [.enter, .tab, .enter, .tab])
    Fixture.type(&model, "Explicado")
    let effects = Fixture.press(&model, [.function(10)])
    guard effects.count == 1, case .close(let request) = effects[0] else {
      Issue.record("no close: \(effects)"); return
    }
    #expect(request.topics == ["entry.extension-of-stay"])
    #expect(request.outcome == "Explicado")
    #expect(request.referrals.first?.partner == "def")
    #expect(request.referrals.first?.due == "2026-03-24")
  }

  @Test("no consent on file: the referral asks first, yes records consent and then closes")
  func consent() {
    var model = Fixture.model()
    model.openServe(model.state.visits["T-2"]!)
    Fixture.type(&model, "renova")
    Fixture.press(&model, [.enter, .tab, .enter])
    #expect(Fixture.press(&model, [.function(10)]).isEmpty)
    guard case .consent = model.overlay else { Issue.record("consent not asked"); return }
    #expect(Fixture.press(&model, [.character("s")]) == [.recordConsent(visitorID: "V-2")])
    let after = model.update(
      .done(.recordConsent(visitorID: "V-2"), model.state, visitID: nil, referralID: nil))
    guard after.count == 1, case .close(let request) = after[0] else {
      Issue.record("no close after consent"); return
    }
    #expect(request.referrals.first?.partner == "def")
  }

  @Test("Esc on a called visit's form asks (back to the queue, keep called, stay) and keeps the typing")
  func escapeAsks() {
    var model = Fixture.model()
    model.openServe(model.state.visits["T-2"]!)
    Fixture.press(&model, [.enter, .escape])
    guard case .confirmLeaveServe = model.overlay else { Issue.record("did not ask"); return }
    #expect(model.view().grid.lines.joined().contains(model.tr("serve.leaveLost")))
    Fixture.press(&model, [.escape])
    guard let serve = model.current(ServeScreen.self) else { Issue.record("lost the form"); return }
    #expect(serve.chosen.count == 1)
  }

  @Test("F2 cycles the language and remembers it; q asks before quitting")
  func languageAndQuit() {
    var model = Fixture.model()
    #expect(Fixture.press(&model, [.function(2)]) == [.saveSettings(language: .english)])
    #expect(model.view().grid.lines.joined().contains("Today's queue"))
    #expect(Fixture.press(&model, [.character("q")]).isEmpty)
    #expect(Fixture.press(&model, [.character("y")]) == [.quit])
  }

  @Test("a returning visitor's visit with one topic and one referral takes at most 20 keys")
  func keystrokes() {
    var model = Fixture.model()
    model.desk = "2"  // desk 1 still has A-002 called
    var counted = 0
    func press(_ keys: KeyEvent...) -> [Effect] {
      counted += keys.count
      return Fixture.press(&model, keys)
    }
    var state = Fixture.state()
    _ = press(.character("a"))
    Fixture.type(&model, "ngu")  // search letters: not counted
    #expect(press(.enter) == [.arrive(visitorID: "V-1")])
    state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [.visitArrived(visitID: "T-6", visitorID: "V-1", day: Fixture.today, number: 6)]),
      time: Fixture.at(minutesAgo: 0, counter: 90))
    _ = model.update(.done(.arrive(visitorID: "V-1"), state, visitID: "T-6", referralID: nil))
    _ = press(.enter)  // dismiss the ticket
    #expect(press(.enter) == [.call(visitID: "T-6", desk: "2")])
    state.apply(
      EventBatch(staff: "Ana", office: "praia", events: [.visitCalled(visitID: "T-6", desk: "2")]),
      time: Fixture.at(minutesAgo: 0, counter: 91))
    _ = model.update(.done(.call(visitID: "T-6", desk: "2"), state, visitID: "T-6", referralID: nil))
    Fixture.type(&model, "renov")  // filter letters: not counted
    _ = press(.enter, .tab, .enter, .tab)  // topic, partner, then the outcome
    Fixture.type(&model, "Explicado")  // free text: not counted
    let effects = press(.function(10))
    guard effects.count == 1, case .close = effects[0] else { Issue.record("no close: \(effects)"); return }
    _ = model.update(.done(effects[0], state, visitID: "T-6", referralID: nil))
    _ = press(.enter)  // dismiss "saved"
    guard model.queueScreen != nil else { Issue.record("not back at the queue"); return }
    #expect(counted == 10)
    #expect(counted <= 20)
  }
}

@Suite("Runtime against a real office")
struct RuntimeTests {
  @Test("closing a visit with a referral and a follow-up is one durable record")
  func close() throws {
    let (runtime, root) = try #require(Fixture.runtimeWithNewOffice())
    defer { try? FileManager.default.removeItem(atPath: root) }
    var form = VisitorForm(fullName: "Aminata Baldé")
    form.consentToShare = true
    guard case .done(_, _, let visitID?, _, _) = runtime.perform(.arriveNew(form), staff: "Ana") else {
      Issue.record("no arrival")
      return
    }
    let office = try #require(runtime.office)
    let visitorID = try #require(office.state.visits[visitID]?.visitorID)
    let records = office.state.recordCount
    _ = visitorID
    let request = VisitClosing(
      visit: visitID, topics: ["residence.renewal"], outcome: "Explicado",
      referrals: [VisitClosing.Referral(partner: "def", topic: "residence.renewal", due: "2030-01-01")],
      followUp: "2030-01-02")
    guard case .done(_, let state, _, let referralID?, _) = runtime.perform(.close(request), staff: "Ana")
    else {
      Issue.record("not closed")
      return
    }
    #expect(state.recordCount == records + 1)
    #expect(state.visits[visitID]?.status == .done)
    #expect(state.referrals[referralID]?.partner == "def")
    #expect(state.allFollowUps.count == 1)
    guard case .failed(_, let error) = runtime.perform(.unlock(passphrase: "wrong one"), staff: "Ana") else {
      Issue.record("wrong passphrase accepted")
      return
    }
    #expect(error.key == "error.passphrase.wrong")
  }
}

@Suite("Profile flows (reducer)")
struct ProfileFlowTests {
  private func profile(_ id: String, state: OfficeState? = nil) -> AppModel {
    var model = Fixture.model()
    if let state { model.setState(state) }
    model.screens.append(.profile(ProfileScreen(visitorID: id)))
    return model
  }

  private func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  private func profileMode(_ model: AppModel) -> ProfileScreen.Mode? {
    if let s = model.current(ProfileScreen.self) { return s.mode }
    return nil
  }

  @Test("edit: Tab between fields, Esc asks before losing changes, saved only once the save returns")
  func edit() {
    var model = profile("V-4")
    Fixture.press(&model, [.character("e")])
    guard case .edit(let form, _) = profileMode(model) else { Issue.record("no edit form"); return }
    #expect(form.values.map(\.text) == ["João Gonçalves", "Portugal", "", "1990", "Português"])
    // Esc without changes goes straight back to the profile.
    Fixture.press(&model, [.escape])
    guard case .view = profileMode(model) else { Issue.record("Esc did not close the form"); return }
    Fixture.press(&model, [.character("e"), .tab, .tab])
    Fixture.type(&model, "9911223")
    Fixture.press(&model, [.escape])
    guard case .confirmDiscard = model.overlay else { Issue.record("Esc did not ask"); return }
    Fixture.press(&model, [.character("n")])
    // The prefilled languages are selected: End keeps them and adds after.
    Fixture.press(&model, [.tab, .tab, .end])
    Fixture.type(&model, ", en")
    let effects = Fixture.press(&model, [.enter])
    var expected = VisitorForm(visitor: Fixture.state().visitors["V-4"]!)
    expected.phone = "9911223"
    expected.languages = ["pt", "en"]
    #expect(effects == [.updateVisitor(id: "V-4", form: expected)])
    #expect(model.busy != nil)
    #expect(!text(model).contains("guardados"))
    // A refusal from the core keeps the form and says why.
    _ = model.update(.failed(effects[0], GAIDeskError(.fieldPhone, "9911223")))
    guard case .edit = profileMode(model) else { Issue.record("the form was lost"); return }
    #expect(Fixture.press(&model, [.enter]) == effects)
    var state = Fixture.state()
    var visitor = state.visitors["V-4"]!
    visitor.phone = "9911223"
    visitor.languages = ["pt", "en"]
    state.apply(
      EventBatch(staff: "Ana", office: "praia", events: [.visitorUpdated(visitor, fields: .all, base: 0)]),
      time: Fixture.at(minutesAgo: 0, counter: 99))
    _ = model.update(.done(effects[0], state, visitID: nil, referralID: nil))
    guard case .view = profileMode(model) else { Issue.record("still editing"); return }
    #expect(text(model).contains("Dados de João Gonçalves guardados."))
    #expect(text(model).contains("9911223"))
  }

  @Test("edit: Esc then yes drops the changes and stays on the profile; bad input is refused before saving")
  func editDiscardAndRefuse() {
    var model = profile("V-4")
    Fixture.press(&model, [.character("e"), .tab, .tab, .tab])
    Fixture.type(&model, "x")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    let refusal = GAIDeskError(.fieldBirthYear, "x", String(model.today.prefix(4)))
    #expect(text(model).contains(model.tr.error(refusal)))
    Fixture.press(&model, [.escape, .character("s")])
    guard let s = model.current(ProfileScreen.self), case .view = s.mode else {
      Issue.record("not back on the profile"); return
    }
    Fixture.press(&model, [.character("e"), .backTab])
    Fixture.type(&model, ", klingon")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    #expect(text(model).contains("Língua desconhecida: klingon"))
  }

  @Test("merge: candidates from the core, confirm, merged record shown, u undoes it")
  func merge() {
    var model = profile("V-4", state: Fixture.withLookAlike())
    Fixture.press(&model, [.character("m")])
    guard case .merge(let candidates, _) = profileMode(model) else { Issue.record("no candidates"); return }
    #expect(candidates.map(\.visitorID) == ["V-6"])
    #expect(text(model).contains("Joao Goncalves"))
    Fixture.press(&model, [.enter])
    guard case .confirmMerge(let keep, let other) = model.overlay else { Issue.record("no confirm"); return }
    #expect(keep == "V-4" && other == "V-6")
    let effects = Fixture.press(&model, [.character("s")])
    #expect(effects == [.merge(keep: "V-4", other: "V-6")])
    var state = Fixture.withLookAlike()
    state.apply(
      EventBatch(staff: "Ana", office: "praia", events: [.visitorsMerged(keep: "V-4", other: "V-6")]),
      time: Fixture.at(minutesAgo: 0, counter: 99))
    _ = model.update(.done(effects[0], state, visitID: nil, referralID: nil))
    #expect(text(model).contains("Joao Goncalves foi junto a João Gonçalves."))
    #expect(text(model).contains("Registos juntos a este (1)"))
    Fixture.press(&model, [.character("u")])
    guard case .confirmUnmerge(let k, let o) = model.overlay else {
      Issue.record("no unmerge confirm"); return
    }
    #expect(k == "V-4" && o == "V-6")
    #expect(Fixture.press(&model, [.character("s")]) == [.unmerge(keep: "V-4", other: "V-6")])
  }

  @Test("merge: no look-alikes or nothing merged says so")
  func mergeNothing() {
    var model = profile("V-1")
    Fixture.press(&model, [.character("m")])
    #expect(text(model).contains(model.tr("merge.none")))
    Fixture.press(&model, [.character("u")])
    #expect(text(model).contains(model.tr("unmerge.none")))
    #expect(model.overlay == nil)
  }

  @Test("consent: share then store, each by an explicit letter; Esc cancels")
  func consent() {
    var model = profile("V-4")
    Fixture.press(&model, [.character("c")])
    #expect(text(model).contains("partilhados com os parceiros"))
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    Fixture.press(&model, [.character("n")])
    #expect(text(model).contains("sejam guardados"))
    #expect(
      Fixture.press(&model, [.character("s")]) == [.setConsent(visitorID: "V-4", store: true, share: false)])
    _ = model.update(
      .done(
        .setConsent(visitorID: "V-4", store: true, share: false), model.state, visitID: nil, referralID: nil))
    #expect(text(model).contains("Consentimento registado."))
    Fixture.press(&model, [.character("c"), .escape])
    #expect(model.overlay == nil)
  }

  @Test("saved slip: P prints through the runtime, no printer is said clearly, the slip stays shown")
  func printSlip() {
    var model = Fixture.model()
    model.overlay = .saved(visitID: "T-0", referralIDs: ["R-1"], language: .portuguese)
    let effects = Fixture.press(&model, [.character("P")])
    #expect(effects == [.printSlip(referralID: "R-1", language: .portuguese)])
    _ = model.update(.failed(effects[0], GAIDeskError(.printNone)))
    guard case .saved = model.overlay else { Issue.record("the slip was closed"); return }
    #expect(text(model).contains("Não há impressora neste PC"))
    #expect(text(model).contains("copie-a à mão"), "what to do without a printer")
    _ = model.update(.printed(effects[0], printer: "balcao"))
    #expect(text(model).contains("Guia enviada para a impressora balcao."))
    Fixture.press(&model, [.character("x")])
    #expect(model.overlay == nil)
  }
}
