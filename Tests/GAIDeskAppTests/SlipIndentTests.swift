import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The slip in the saved box keeps its layout when a line wraps.
@Suite("Slip indent")
struct SlipIndentTests {
  @Test("\"O que levar\": a long item keeps its indent and marker, its next row lines up under its text")
  func whatToBring() {
    var model = Fixture.model()
    model.openServe(model.state.visits["T-0"]!)
    let lines = model.savedLines(visitID: "T-0", referralIDs: ["R-1"], language: .portuguese, width: 66)
    let items = lines.filter { $0.contains("[ ] ") }
    #expect(!items.isEmpty && items.allSatisfy { $0.hasPrefix("  [ ] ") }, "\(lines.joined(separator: "\n"))")
    #expect(
      lines.contains { $0.hasPrefix("      ") && !$0.contains("[ ]") }, "\(lines.joined(separator: "\n"))")
  }
}
