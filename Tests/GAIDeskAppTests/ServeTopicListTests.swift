import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The serve screen's topic list takes the rows the screen has, scrolls with the selection and says how many
/// topics lie beyond what it shows.
@Suite("Serve topic list")
struct ServeTopicListTests {
  /// Serving A-002 on a terminal of `width`×`height`, nothing typed.
  static func serving(width: Int, height: Int, language: Language = .portuguese) -> AppModel {
    var model = Fixture.model(width: width, height: height, language: language)
    model.openServe(model.state.visits["T-2"]!)
    return model
  }

  /// The screen's lines.
  static func lines(_ model: AppModel) -> [String] { model.view().grid.lines }

  /// The topic rows shown ("[ ] …" or "[x] …").
  static func topicRows(_ model: AppModel) -> [String] {
    lines(model).filter { $0.contains("[ ] ") || $0.contains("[x] ") }
  }

  static let all = ReferenceData.shipped.topics.count

  @Test(
    "the list fills the rows the form leaves it and says how many topics are below",
    arguments: [(80, 24, 8), (100, 30, 14), (120, 40, 24)])
  func fillsAndCounts(width: Int, height: Int, least: Int) {
    let model = Self.serving(width: width, height: height)
    let shown = Self.topicRows(model).count
    #expect(shown >= least, "\(width)×\(height): \(shown) topics shown")
    let more = model.tr("serve.moreTopics", String(Self.all - shown))
    #expect(Self.lines(model).contains { $0.contains(more) }, "\(Self.lines(model).joined(separator: "\n"))")
  }

  @Test("at 240×70 every topic is shown and nothing says more")
  func wideShowsAll() {
    let model = Self.serving(width: 240, height: 70)
    #expect(Self.topicRows(model).count == Self.all)
    #expect(!Self.lines(model).contains { $0.contains("↓") })
  }

  @Test("↓ and PgDn scroll the list with the selection; what is above is said too")
  func scrollsWithSelection() {
    var model = Self.serving(width: 80, height: 24)
    let rows = Self.topicRows(model).count
    Fixture.press(&model, [.pageDown])
    let serve = model.current(ServeScreen.self)
    // A page is the rows shown.
    #expect(serve?.topicList.selected == rows)
    Fixture.press(&model, Array(repeating: .down, count: 10))
    let index = rows + 10
    let label = ReferenceData.shipped.topics[index].label(.portuguese)
    #expect(
      Self.topicRows(model).contains { $0.contains(label) }, "\(Self.lines(model).joined(separator: "\n"))")
    #expect(Self.lines(model).contains { $0.contains("↑") })
    Fixture.press(&model, Array(repeating: .pageDown, count: 6))
    #expect(
      Self.topicRows(model).contains { $0.contains(ReferenceData.shipped.topics.last!.label(.portuguese)) })
    #expect(!Self.lines(model).contains { $0.contains("↓") })
  }

  @Test("in English and French the count is said in their words")
  func languages() {
    for language in [Language.english, .french] {
      let model = Self.serving(width: 80, height: 24, language: language)
      let shown = Self.topicRows(model).count
      let more = model.tr("serve.moreTopics", String(Self.all - shown))
      #expect(Self.lines(model).contains { $0.contains(more) })
    }
  }

  @Test("a 40×10 terminal still says it is too small while serving")
  func tooSmall() {
    var model = Self.serving(width: 80, height: 24)
    _ = model.update(.resize(Size(width: 40, height: 10)))
    #expect(Self.lines(model).joined(separator: " ").contains("pequeno"))
    Fixture.press(&model, [.down, .pageDown])
    _ = model.update(.resize(Size(width: 80, height: 24)))
    #expect(Self.topicRows(model).count >= 8)
  }

  /// The rows inside the form's box with nothing on them.
  static func emptyRows(_ model: AppModel) -> [Int] {
    let lines = lines(model)
    guard let bottom = lines.lastIndex(where: { $0.hasPrefix("└") }) else { return [] }
    return (2..<bottom).filter {
      lines[$0].hasPrefix("│") && lines[$0].dropFirst().allSatisfy { $0 == " " || $0 == "│" }
    }
  }

  @Test(
    "at 80×24 no row of the form is left empty: the partners take the rows they list, the topics the rest",
    arguments: Language.allCases)
  func noEmptyRows(language: Language) {
    var model = Self.serving(width: 80, height: 24, language: language)
    let before = Self.topicRows(model).count
    #expect(Self.emptyRows(model).isEmpty, "\(Self.lines(model).joined(separator: "\n"))")
    // One topic chosen: its partner on one row, the topics keep theirs.
    Fixture.press(&model, [.enter])
    let serve = model.current(ServeScreen.self)!
    let partners = serve.suggestions(model).count
    #expect(Self.emptyRows(model).isEmpty, "\(Self.lines(model).joined(separator: "\n"))")
    let topics = Self.topicRows(model).count - partners
    #expect(topics == before - (min(3, max(1, partners)) - 1), "\(Self.lines(model).joined(separator: "\n"))")
  }

  @Test("↓ at the bottom of the list keeps the selection shown once partners take more rows")
  func selectionShownAfterPartners() {
    var model = Self.serving(width: 80, height: 24)
    let rows = Self.topicRows(model).count
    Fixture.press(&model, Array(repeating: .down, count: rows - 1) + [.enter])
    let serve = model.current(ServeScreen.self)!
    let label = ReferenceData.shipped.topics[serve.topicList.selected!].label(.portuguese)
    #expect(
      Self.lines(model).contains { $0.contains("[x] " + label) },
      "\(Self.lines(model).joined(separator: "\n"))")
  }
}
