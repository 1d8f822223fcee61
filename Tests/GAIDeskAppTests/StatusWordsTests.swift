import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A visit's status is one word wherever a person reads it: the desk, the CLI and the printed day.
@Suite("Status words")
struct StatusWordsTests {
  @Test("the CLI and the printed day say each status as the desk does", arguments: Language.allCases)
  func sameWords(language: Language) {
    let tr = Translator(language)
    for status in VisitStatus.allCases {
      let desk = tr("status." + status.rawValue)
      let cli = Strings.shared.text("status." + status.rawValue, language: language)
      #expect(cli == desk, "\(status) in \(language): CLI \"\(cli)\", desk \"\(desk)\"")
    }
  }
}
