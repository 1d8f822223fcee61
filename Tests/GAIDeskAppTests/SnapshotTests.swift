import Foundation
import GAIDesk
import TerminalUI
import TerminalUITestSupport
import Testing

@testable import GAIDeskApp

/// Every screen's text at 80×24, 100×30, 120×40 and 240×70, stored as readable files (SNAPSHOT_RECORD=1 re-records).
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
  /// The screens worth a snapshot, each built from the queue model by a few keys.
  static let screens: [(String, @Sendable (inout AppModel) -> Void)] = [
    ("queue", { _ in }),
    ("queue-damage", { _ = $0.update(.health(Fixture.health())) }),
    (
      "queue-emoji",
      { m in
        var state = Fixture.state()
        state.apply(
          EventBatch(
            staff: "Rui", office: "praia",
            events: [
              .visitorRegistered(Fixture.visitor("V-7", "Maria 👩‍👩‍👧 Silva 🇨🇻", nationality: "CV")),
              .visitArrived(visitID: "T-7", visitorID: "V-7", day: Fixture.today, number: 6),
            ]), time: Fixture.at(minutesAgo: 5, counter: 60))
        m.setState(state)
      }
    ),
    (
      "sheet-finder",
      { m in
        Fixture.press(&m, [.character("f")]); Fixture.type(&m, "resid")
      }
    ),
    (
      "sheet-scrolled",
      { m in
        Fixture.press(&m, [.character("f")]); Fixture.type(&m, "renovação")
        Fixture.press(&m, [.enter, .pageDown])
      }
    ),
    (
      "sheet-confirm",
      { m in
        Fixture.press(&m, [.character("f")]); Fixture.type(&m, "renovação")
        Fixture.press(&m, [.enter, .down, .character("c"), .right, .tab]);
        Fixture.type(&m, "Confirmado ao balcão")
      }
    ),
    (
      "sheet-correct",
      { m in
        Fixture.press(&m, [.character("f")]); Fixture.type(&m, "renovação")
        Fixture.press(&m, [.enter, .down, .character("e"), .left, .tab, .end]);
        Fixture.type(&m, " (original)")
        Fixture.press(&m, [.tab]); Fixture.type(&m, "Confirmado pela DEF")
      }
    ),
    (
      "lock-refused",
      { m in
        Fixture.press(&m, [.control("l")]); Fixture.type(&m, "frase")
        m.lockScreen?.refused(m.tr("lock.wrongPIN", "4"))
      }
    ),
    (
      "lock-someone-else",
      { m in
        Fixture.press(&m, [.control("l"), .down]); Fixture.type(&m, "Rui Fortes")
        Fixture.press(&m, [.tab]); Fixture.type(&m, "a frase")
      }
    ),
    ("help", { Fixture.press(&$0, [.function(1)]) }),
    ("quit", { Fixture.press(&$0, [.character("q")]) }),
    (
      "arrival-search",
      { m in
        Fixture.press(&m, [.character("a")]); Fixture.type(&m, "a")
      }
    ),
    (
      "arrival-new",
      { m in
        Fixture.press(&m, [.character("a")]); Fixture.type(&m, "Maria Ivanova");
        Fixture.press(&m, [.control("n"), .tab])
        Fixture.type(&m, "RU")
      }
    ),
    (
      "serve",
      { m in
        m.openServe(m.state.visits["T-2"]!); Fixture.type(&m, "renov")
        Fixture.press(&m, [.enter, .tab, .enter, .tab]); Fixture.type(&m, "Documentos explicados")
      }
    ),
    (
      "serve-leave",
      { m in
        m.openServe(m.state.visits["T-2"]!); Fixture.press(&m, [.escape])
      }
    ),
    (
      "saved-slip",
      { m in
        m.openServe(
          m.state.visits["T-0"].map {
            var v = $0; v.status = .called; return v
          }!)
        m.overlay = .saved(visitID: "T-0", referralIDs: ["R-1"], language: .portuguese)
      }
    ),
    (
      "saved-slip-scrolled",
      { m in
        m.openServe(
          m.state.visits["T-0"].map {
            var v = $0; v.status = .called; return v
          }!)
        m.overlay = .saved(visitID: "T-0", referralIDs: ["R-1"], language: .french)
        Fixture.press(&m, [.pageDown])
      }
    ),
    ("profile", { Fixture.press(&$0, [.down, .down, .character("p")]) }),
    ("profile-edit", { Fixture.press(&$0, [.down, .down, .character("p"), .character("e"), .tab]) }),
    (
      "profile-merge",
      { m in
        m.setState(Fixture.withLookAlike())
        m.screens.append(.profile(ProfileScreen(visitorID: "V-4")))
        Fixture.press(&m, [.character("m")])
      }
    ),
    (
      "accounts",
      { m in
        m.setState(Fixture.withAccounts()); Fixture.press(&m, [.character("e"), .down, .down])
      }
    ),
    (
      "accounts-add",
      { m in
        m.setState(Fixture.withAccounts()); Fixture.press(&m, [.character("e"), .character("n")])
        Fixture.type(&m, "Dária Monteiro")
        Fixture.press(&m, [.tab]); Fixture.type(&m, "a frase da Dária")
        Fixture.press(&m, [.tab, .right])
      }
    ),
    (
      "accounts-remove",
      { m in
        m.setState(Fixture.withAccounts())
        Fixture.press(&m, [.character("e"), .down, .down, .down, .character("r")])
      }
    ),
    ("supervisor-day", { Fixture.press(&$0, [.character("s")]) }),
    (
      "supervisor-day-warnings",
      { m in
        _ = m.update(.health(Fixture.health())); Fixture.press(&m, [.character("s")])
      }
    ),
    ("supervisor-referrals", { Fixture.press(&$0, [.character("s"), .tab]) }),
    ("supervisor-status", { Fixture.press(&$0, [.character("s"), .tab, .down, .enter]) }),
    ("supervisor-followups", { Fixture.press(&$0, [.character("s"), .tab, .tab]) }),
    ("supervisor-month", { Fixture.press(&$0, [.character("s"), .tab, .tab, .tab]) }),
    ("supervisor-partners", { Fixture.press(&$0, [.character("s"), .tab, .tab, .tab, .tab]) }),
    ("supervisor-sheets", { Fixture.press(&$0, [.character("s"), .tab, .tab, .tab, .tab, .tab, .down]) }),
    (
      "partner-edit",
      { m in
        Fixture.press(&m, [.character("s"), .tab, .tab, .tab, .tab, .down, .character("e"), .tab])
        Fixture.type(&m, "2601234")
      }
    ),
    (
      "partner-new",
      { m in
        Fixture.press(&m, [.character("s"), .tab, .tab, .tab, .tab, .character("n")])
        Fixture.type(&m, "ong-praia")
        Fixture.press(&m, [.enter])
      }
    ),
    (
      "sheet-edit",
      { m in
        Fixture.press(&m, [.character("s"), .tab, .tab, .tab, .tab, .tab, .down, .character("e"), .enter])
        Fixture.type(&m, "Nova pergunta")
      }
    ),
  ]

  static let sizes = [
    Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
    Size(width: 240, height: 70),
  ]

  @Test("screens after the office is open", arguments: sizes)
  func screens(size: Size) {
    for (name, build) in Self.screens {
      var model = Fixture.model(width: size.width, height: size.height)
      build(&model)
      assertSnapshot(of: model.view().grid, named: "\(name)-\(size.width)x\(size.height)")
    }
  }

  @Test("start screens: setup, unlock with an error, who is at the desk", arguments: sizes)
  func startScreens(size: Size) {
    var setup = AppModel(hasOffice: false, settings: OfficeSettings(), size: size, now: Fixture.now)
    assertSnapshot(of: setup.view().grid, named: "setup-\(size.width)x\(size.height)")
    Fixture.type(&setup, "s")
    Fixture.press(&setup, [.down, .enter])
    Fixture.type(&setup, "abc")
    assertSnapshot(of: setup.view().grid, named: "setup-passphrase-\(size.width)x\(size.height)")
    var unlock = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana"), size: size, now: Fixture.now)
    Fixture.type(&unlock, "nope")
    _ = unlock.update(.failed(.unlock(passphrase: "nope"), GAIDeskError(.passphraseWrong)))
    Fixture.type(&unlock, "ab")
    assertSnapshot(of: unlock.view().grid, named: "unlock-error-\(size.width)x\(size.height)")
    _ = unlock.update(.opened(office: "praia", state: Fixture.state()))
    assertSnapshot(of: unlock.view().grid, named: "staff-\(size.width)x\(size.height)")
  }

  @Test("the English queue and a terminal too small")
  func englishAndSmall() {
    var model = Fixture.model(language: .english)
    assertSnapshot(of: model.view().grid, named: "queue-english-80x24")
    _ = model.update(.resize(Size(width: 40, height: 10)))
    assertSnapshot(of: model.view().grid, named: "too-small-40x10")
    for width in [0, 1, 5, 79] {
      for height in [0, 1, 3, 23, 24] {
        _ = model.update(.resize(Size(width: width, height: height)))
        _ = model.view()
      }
    }
  }

  @Test("the day and month in French at 80 columns: every figure on its label's line", arguments: [0, 3])
  func frenchFiguresAtEightyColumns(tabs: Int) {
    var model = Fixture.model(language: .french)
    Fixture.press(&model, [.character("s")] + Array(repeating: .tab, count: tabs))
    let grid = model.view().grid
    assertSnapshot(of: grid, named: "supervisor-\(tabs == 0 ? "day" : "month")-fr-80x24")
    let lines =
      tabs == 0
      ? DayReport(state: model.state, day: Fixture.today, office: "praia").summary(language: .french)
      : MonthReport(state: model.state, month: String(Fixture.today.prefix(7)), office: "praia")
        .summary(language: .french)
    for line in lines {
      #expect(
        grid.lines.contains { $0.contains(line.label) && $0.contains(line.value) },
        "\(line.label) \(line.value):\n\(grid.lines.joined(separator: "\n"))")
    }
  }

  @Test("every screen in every language uses only known strings", arguments: Language.allCases)
  func translated(language: Language) {
    for (name, build) in Self.screens {
      for size in Self.sizes {
        var model = Fixture.model(width: size.width, height: size.height, language: language)
        build(&model)
        let text = model.view().grid.lines.joined(separator: "\n")
        #expect(!text.contains("ui."), "\(name) in \(language): \(text)")
      }
    }
  }
}
