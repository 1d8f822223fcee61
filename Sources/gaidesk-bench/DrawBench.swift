import Foundation
import GAIDesk
import GAIDeskApp
import TerminalUI

/// A screen the drawing benchmark draws: the queue, or one of the supervisor's tabs.
enum DrawScene: String, CaseIterable {
  case queue
  case day
  case referrals
  case followUps = "follow-ups"

  /// The row label.
  var title: String {
    switch self {
    case .queue: "queue"
    case .day: "day dashboard"
    case .referrals: "referrals"
    case .followUps: "follow-ups"
    }
  }

  /// `base` (an opened model) on this screen at `size`, the clock at `start`.
  func model(_ base: AppModel, size: Size, start: Date) -> AppModel {
    var model = base
    model.screens = [.queue(QueueScreen())]
    model.now = start
    if self != .queue { model.screens.append(.supervisor(SupervisorScreen())) }
    // The referrals and follow-ups tabs are the second and third.
    let tabs = self == .referrals ? 1 : self == .followUps ? 2 : 0
    for _ in 0..<tabs { _ = model.update(.key(.tab)) }
    _ = model.update(.resize(size))
    model.size = size
    return model
  }
}

/// The times of a run of frames.
struct FrameTimes {
  var view: [Double] = []
  var diff: [Double] = []
  var total: [Double] = []
  var changedRuns = 0
}

/// One frame: `model.view()` and the diff of its grid against `previous`, each timed. Not inlined, so that
/// callgrind can count exactly its instructions (`--toggle-collect='*viewAndDiff*'`).
@inline(never)
func viewAndDiff(_ model: AppModel, previous: Grid) -> (grid: Grid, runs: Int, view: Double, diff: Double) {
  var frame: Frame?
  let viewTime = measure { frame = model.view() }
  let grid = frame!.grid
  var changes: [CellChange] = []
  let diffTime = measure { changes = grid.diff(from: previous) }
  return (grid, changes.count, viewTime, diffTime)
}

/// Draws `count` frames of `model`; between frames (not timed) the clock moves 7 s and the highlight moves
/// down or up.
func drawFrames(_ model: inout AppModel, previous: inout Grid, first: Int, count: Int, start: Date)
  -> FrameTimes
{
  var times = FrameTimes()
  for i in first..<(first + count) {
    model.now = start.addingTimeInterval(Double(i) * 7)
    _ = model.update(.key((i / 5) % 2 == 0 ? .down : .up))
    let frame = viewAndDiff(model, previous: previous)
    previous = frame.grid
    times.view.append(frame.view)
    times.diff.append(frame.diff)
    times.total.append(frame.view + frame.diff)
    times.changedRuns += frame.runs
  }
  return times
}

/// The office state with a busy day added, and a model opened on it; the day and the clock.
func drawBase(state: OfficeState, tickets: Int) -> (
  base: AppModel, day: String, start: Date, state: OfficeState
) {
  var state = state
  let (day, start) = addBusyDay(to: &state, tickets: tickets)
  note("drawing: building the model (search index over \(state.visitors.count) visitors)…")
  var base = AppModel(
    hasOffice: true, settings: OfficeSettings(staff: "ana", language: "pt"),
    size: Size(width: 80, height: 24), now: start)
  _ = base.update(.opened(office: "praia", state: state))
  return (base, day, start, state)
}

/// The sizes every scene is drawn at.
let drawSizes = [Size(width: 80, height: 24), Size(width: 240, height: 70)]

/// `AppModel.view()` plus `Grid.diff(from:)` against the previous frame, for the queue and the supervisor's
/// day dashboard, referrals and follow-ups at two sizes.
func drawSection(_ report: inout Report, state: OfficeState, tickets: Int, frames: Int) {
  let (base, day, start, drawn) = drawBase(state: state, tickets: tickets)
  let section =
    "drawing, view + diff (\(drawn.eventCount) events, \(tickets) tickets on \(day), "
    + "\(drawn.allReferrals.count) referrals, n=\(frames))"
  for scene in DrawScene.allCases {
    for size in drawSizes {
      var model = scene.model(base, size: size, start: start)
      var previous = model.view().grid
      _ = drawFrames(&model, previous: &previous, first: 0, count: 20, start: start)
      let times = drawFrames(&model, previous: &previous, first: 20, count: frames, start: start)
      let total = Stats(times.total), view = Stats(times.view), diff = Stats(times.diff)
      let queue240 = scene == .queue && size.width == 240
      report.add(
        section, "\(scene.title) \(size.width)×\(size.height) p50 / p99",
        measured: format(seconds: total.p50) + " / " + format(seconds: total.p99),
        reference: "view " + format(seconds: view.p50) + ", diff " + format(seconds: diff.p50) + " (p50)",
        target: queue240 ? "p50 < 0.5 ms" : "p99 < 1 ms",
        ok: queue240 ? total.p50 < 0.0005 : total.p99 < 0.001,
        figures: [
          "p50_s": total.p50, "p99_s": total.p99, "view_p50_s": view.p50, "view_p99_s": view.p99,
          "diff_p50_s": diff.p50, "diff_p99_s": diff.p99,
          "runs_per_frame": Double(times.changedRuns) / Double(frames),
        ])
    }
  }
}

/// One scene at one size in this process, for callgrind: opens the office at `root` warm, adds the busy day,
/// draws 20 frames then `frames` more: `viewAndDiff` runs `frames + 20` times.
func drawChild(root: String, scene: DrawScene, size: Size, frames: Int) throws {
  let state = try { try Office.open(at: OfficePaths(root: root), passphrase: benchPassphrase).state }()
  let (base, _, start, _) = drawBase(state: state, tickets: 60)
  var model = scene.model(base, size: size, start: start)
  var previous = model.view().grid
  _ = drawFrames(&model, previous: &previous, first: 0, count: 20, start: start)
  let times = drawFrames(&model, previous: &previous, first: 20, count: frames, start: start)
  print(
    String(
      format: "%@ %dx%d frames %d p50 %.1f µs", scene.rawValue, size.width, size.height, frames,
      Stats(times.total).p50 * 1e6))
}
