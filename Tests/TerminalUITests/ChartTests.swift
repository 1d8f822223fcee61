import Testing

@testable import TerminalUI

@Suite("Charts")
struct ChartTests {
  @Test("horizontal bars scale to the widest value, with eighth blocks")
  func horizontal() {
    var grid = Grid(width: 20, height: 3)
    let chart = BarChart(
      bars: [
        BarChart.Bar("Praia", value: 10), BarChart.Bar("Sal", value: 5), BarChart.Bar("Fogo", value: 0),
      ],
      orientation: .horizontal)
    grid.render(chart, in: grid.area)
    #expect(grid.lines == ["Praia ███████████ 10", "Sal   █████▌ 5", "Fogo   0"])
    #expect(grid[6, 0].style.role == .chartBar)
  }

  @Test("long labels take what the bars can spare: the bars keep a quarter of the width, the label the rest")
  func longLabels() {
    var grid = Grid(width: 40, height: 2)
    let chart = BarChart(
      bars: [
        BarChart.Bar("Renovação da autorização de residência", value: 12), BarChart.Bar("Vistos", value: 6),
      ],
      orientation: .horizontal)
    grid.render(chart, in: grid.area)
    #expect(grid.lines[0].hasPrefix("Renovação da autorização…"), "\(grid.lines)")
    #expect(grid.lines[0].hasSuffix("██████████ 12"), "\(grid.lines)")
    #expect(
      grid.lines[1].hasPrefix("Vistos" + String(repeating: " ", count: 21) + "█████ 6"), "\(grid.lines)")
  }

  @Test("vertical bars grow up from the value and label rows")
  func vertical() {
    var grid = Grid(width: 6, height: 6)
    let bars = [BarChart.Bar("A", value: 8), BarChart.Bar("B", value: 4), BarChart.Bar("C", value: 1)]
    grid.render(BarChart(bars: bars, barWidth: 1), in: grid.area)
    #expect(grid.lines == ["█", "█", "█ █", "█ █ ▄", "8 4 1", "A B C"])
  }

  @Test("an explicit maximum changes the scale")
  func maximum() {
    var grid = Grid(width: 1, height: 4)
    grid.render(BarChart(bars: [BarChart.Bar("x", value: 1)], maximum: 2, barWidth: 1), in: grid.area)
    #expect(grid.lines == ["", "█", "1", "x"])
  }

  @Test("sparklines show the latest values that fit")
  func sparkline() {
    var grid = Grid(width: 5, height: 1)
    grid.render(Sparkline(values: [0, 1, 2, 4, 8]), in: grid.area)
    #expect(grid.lines == [" ▁▂▄█"])
    grid = Grid(width: 3, height: 2)
    grid.render(Sparkline(values: [100, 0, 1, 2, 4, 8]), in: grid.area)
    #expect(grid.lines == ["  █", "▄██"])
  }
}
