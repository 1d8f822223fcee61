import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A referral's slip printed again from the supervisor's referrals board (it could only be printed again from
/// the command line), in the language the serve screen would have chosen for its visitor.
@Suite("Printing a slip again from the interface")
struct SlipReprintTests {
  @Test("p on the referrals tab prints the highlighted referral's slip again, in its visitor's language")
  func reprintTheHighlightedSlip() throws {
    var state = Fixture.state()
    var awa = Fixture.visitor("V-9", "Awa Sarr", nationality: "SN")
    awa.languages = ["wo", "fr"]
    state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [
          .visitorRegistered(awa),
          .referralCreated(
            referralID: "R-9", visitorID: "V-9", partner: "def", topic: "residence.renewal", due: nil,
            note: nil, visitID: nil),
        ]), time: Fixture.at(minutesAgo: 5))
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana", language: "pt"),
      size: Size(width: 120, height: 30), now: Fixture.now)
    _ = model.update(.opened(office: "praia", state: state))
    _ = model.update(.key(.enter))
    Fixture.press(&model, [.escape, .character("s"), .tab])  // no PIN this session; the referrals tab
    #expect(model.view().grid.lines.joined().contains("Reimprimir guia"), "the footer names the key")

    let rows = ReferralsBoard.rows(model)
    let index = try #require(rows.firstIndex { $0.id == "R-9" })
    Fixture.press(&model, Array(repeating: .down, count: index))
    let effects = Fixture.press(&model, [.character("p")])
    #expect(effects == [.printSlip(referralID: "R-9", language: .french)])
    #expect(model.busy == "A imprimir…")
    // The serve screen chooses the same language for the same visitor (one rule, the core's).
    #expect(ReferralSlip.language(speaking: awa.languages) == .french)
    #expect(ReferralSlip.language(speaking: ["wo"]) == .portuguese)
  }
}
