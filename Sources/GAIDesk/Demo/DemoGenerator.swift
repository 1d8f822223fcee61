import Foundation

/// Fills an office with realistic generated activity for trials and benchmarks.
public struct DemoGenerator {
  /// What was generated.
  public struct Summary: Sendable, Equatable {
    /// Visitors registered.
    public var visitors = 0
    /// Visits (tickets) issued.
    public var visits = 0
    /// Referrals made.
    public var referrals = 0
    /// Records written.
    public var records = 0
  }

  private var random: SeededRandom

  /// A generator; the same seed gives the same office.
  public init(seed: UInt64 = 2026) { random = SeededRandom(seed: seed) }

  /// Registers exactly `visitors` visitors over the `days` days before `now`, with their visits, referrals and
  /// follow-ups (a visitor whose arrival would fall after `now` is registered without a visit); `progress` is
  /// told after each day how many days are done.
  public mutating func fill(
    _ office: Office, visitors: Int, days: Int, now: Date = WallClock.now(),
    progress: (Int, Summary) -> Void = { _, _ in }
  ) throws -> Summary {
    precondition(visitors >= 0 && days >= 1)
    let topics = ReferenceData.shipped.topics.map(\.code)
    let partners = PartnerDirectory.shipped
    let knownLanguages = Set(ReferenceData.shipped.languages.map(\.code))
    var summary = Summary()
    var registered: [String] = []
    var openReferrals: [String] = []
    let today = LocalTime.today(now: now)
    let firstDay = LocalTime.adding(days: -(days - 1), to: today)!
    let latest = Double(office.state.latestWall?.milliseconds ?? 0) / 1000
    for dayIndex in 0..<days {
      let day = LocalTime.adding(days: dayIndex, to: firstDay)!
      let opening = Double(LocalTime.startMilliseconds(of: day)!) / 1000 + 8 * 3600
      let newToday = visitors * (dayIndex + 1) / days - visitors * dayIndex / days
      let returning = registered.isEmpty ? 0 : newToday / 2
      var actions: [(time: Double, action: Action)] = []
      var clock = opening
      for index in 0..<(newToday + returning) {
        clock += Double(random.next(in: 20...400))
        let arrival = clock
        // History goes after the office's last event (the journal's clock never goes back) and before now; a new
        // visitor who cannot arrive in that window is registered without a visit, so the count is exact.
        guard arrival > latest, arrival < now.timeIntervalSince1970 else {
          if index < newToday {
            let time = min(max(arrival, latest + 0.001), now.timeIntervalSince1970 - 0.001)
            actions.append((time, .register(makeForm(knownLanguages))))
          }
          continue
        }
        let wait = Double(random.next(in: 60...2400))
        let service = Double(random.next(in: 300...1500))
        let visitor: Action.Who =
          index < newToday
          ? .new(makeForm(knownLanguages))
          : .returning(registered[random.next(in: 0...(registered.count - 1))])
        let leaves = random.next(in: 0...19) == 0
        actions.append((arrival, .arrive(visitor, slot: index)))
        if leaves {
          actions.append((arrival + wait, .leave(slot: index)))
        } else {
          actions.append((arrival + wait, .call(slot: index)))
          let topic = topics[random.next(in: 0...(topics.count - 1))]
          let refer =
            random.next(in: 0...3) == 0 ? partners.first(where: { $0.topics.contains(topic) })?.code : nil
          actions.append((arrival + wait + service, .close(slot: index, topic: topic, partner: refer)))
        }
      }
      // Referrals move on over the following days: sent, accepted, completed, or closed otherwise.
      for id in openReferrals where random.next(in: 0...2) == 0 {
        let time = opening + Double(random.next(in: 0...25000))
        if time > latest { actions.append((time, .progress(referralID: id))) }
      }
      actions.sort { $0.time < $1.time }
      actions = actions.filter { $0.time < now.timeIntervalSince1970 }
      var tickets: [Int: String] = [:]
      var visitorsBySlot: [Int: String] = [:]
      var cursor = 0
      // Recorded as the account that unlocked: a record's actor is never a made-up name.
      try office.perform(
        staff: office.actorName, count: actions.count,
        now: { Date(timeIntervalSince1970: actions[min(cursor, actions.count - 1)].time) }
      ) { context in
        defer { cursor += 1 }
        switch actions[cursor].action {
        case .register(let form):
          let visitor = try Office.visitor(from: form, id: context.newID("V"), context: context)
          registered.append(visitor.id)
          summary.visitors += 1
          return [.visitorRegistered(visitor)]
        case .arrive(let who, let slot):
          let visitID = context.newID("T")
          var events: [Event] = []
          let visitorID: String
          switch who {
          case .new(let form):
            let visitor = try Office.visitor(from: form, id: context.newID("V"), context: context)
            events.append(.visitorRegistered(visitor))
            visitorID = visitor.id
            registered.append(visitorID)
            summary.visitors += 1
          case .returning(let id):
            visitorID = id
          }
          let number = context.state.visits(on: context.today).count + 1
          events.append(
            .visitArrived(visitID: visitID, visitorID: visitorID, day: context.today, number: number))
          tickets[slot] = visitID
          visitorsBySlot[slot] = visitorID
          summary.visits += 1
          return events
        case .call(let slot):
          return [.visitCalled(visitID: tickets[slot]!, desk: String(1 + slot % 2))]
        case .leave(let slot):
          return [.visitLeft(visitID: tickets[slot]!)]
        case .close(let slot, let topic, let partner):
          var events: [Event] = [
            .visitClosed(visitID: tickets[slot]!, topics: [topic], outcome: nil, note: nil)
          ]
          if let partner, let visitorID = visitorsBySlot[slot],
            context.state.visitors[visitorID]?.consentToShare?.granted == true
          {
            let due = LocalTime.adding(days: 14, to: context.today)
            let referralID = context.newID("R")
            openReferrals.append(referralID)
            events.append(
              .referralCreated(
                referralID: referralID, visitorID: visitorID, partner: partner, topic: topic, due: due,
                note: nil, visitID: tickets[slot]))
            summary.referrals += 1
          }
          return events
        case .progress(let id):
          guard let referral = context.state.referrals[id], let next = nextStatus(for: referral.status) else {
            openReferrals.removeAll { $0 == id }
            return []
          }
          if next.isClosed { openReferrals.removeAll { $0 == id } }
          let reason: ReferralReason? =
            next.needsReason ? ReferralReason.allCases[random.next(in: 0...4)] : nil
          return [.referralChanged(referralID: id, status: next, reason: reason, note: nil)]
        }
      }
      summary.records += actions.count
      progress(dayIndex + 1, summary)
    }
    return summary
  }

  private enum Action {
    enum Who {
      case new(VisitorForm)
      case returning(String)
    }
    case register(VisitorForm)
    case arrive(Who, slot: Int)
    case call(slot: Int)
    case leave(slot: Int)
    case close(slot: Int, topic: String, partner: String?)
    case progress(referralID: String)
  }

  /// A plausible next status: most referrals go through, some are rejected, missed or cancelled.
  private mutating func nextStatus(for status: ReferralStatus) -> ReferralStatus? {
    guard !status.next.isEmpty else { return nil }
    let roll = random.next(in: 0...9)
    switch status {
    case .created: return roll < 9 ? .sent : .cancelled
    case .sent: return roll < 7 ? .accepted : roll < 9 ? .rejected : .noShow
    case .accepted: return roll < 8 ? .completed : .noShow
    default: return nil
    }
  }

  private mutating func makeForm(_ known: Set<String>) -> VisitorForm {
    let total = DemoNames.origins.reduce(0) { $0 + $1.weight }
    var pick = random.next(in: 0...(total - 1))
    var origin = DemoNames.origins[0]
    for candidate in DemoNames.origins {
      if pick < candidate.weight {
        origin = candidate
        break
      }
      pick -= candidate.weight
    }
    let useNative = !origin.native.isEmpty && random.next(in: 0...1) == 0
    let name =
      useNative
      ? origin.native[random.next(in: 0...(origin.native.count - 1))]
      : origin.given[random.next(in: 0...(origin.given.count - 1))] + " "
        + origin.family[random.next(in: 0...(origin.family.count - 1))]
    var form = VisitorForm(fullName: name)
    form.sex = random.next(in: 0...1) == 0 ? .female : .male
    form.birthYear = random.next(in: 1955...2008)
    form.nationality = origin.country
    form.languages = origin.languages.filter(known.contains)
    form.phone = "+238 9\(random.next(in: 10...99)) \(random.next(in: 10...99)) \(random.next(in: 10...99))"
    form.consentToStore = true
    form.consentToShare = random.next(in: 0...9) < 8
    return form
  }
}
