import Foundation
import NIOConcurrencyHelpers

/// Counters and latency histograms of the web app, rendered in Prometheus' text format at `/metrics`.
public final class RequestMetrics: Sendable {
    /// Upper bounds (seconds) of the latency histogram buckets.
    static let buckets: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct Series: Hashable { var method: String; var route: String; var status: Int }
    struct Histogram { var counts: [Int]; var sum: Double; var count: Int }
    struct State {
        var requests: [Series: Int] = [:]
        var latency: [String: Histogram] = [:]
        var signIns: [String: Int] = [:]
        var choiceOrderShortcut: [String: Int] = [:]
    }

    let state = NIOLockedValueBox(State())

    public init() {}

    /// Records one request of `route` (the matched path pattern, not the raw path) that took `seconds`.
    public func record(method: String, route: String, status: Int, seconds: Double) {
        state.withLockedValue { state in
            state.requests[Series(method: method, route: route, status: status), default: 0] += 1
            var h = state.latency[route] ?? Histogram(counts: Array(repeating: 0, count: Self.buckets.count), sum: 0, count: 0)
            for (i, bound) in Self.buckets.enumerated() where seconds <= bound { h.counts[i] += 1 }
            h.sum += seconds
            h.count += 1
            state.latency[route] = h
        }
    }

    /// Counts a sign-in attempt by outcome (`success`, `failure`, `limited`).
    public func recordSignIn(_ outcome: String) {
        state.withLockedValue { $0.signIns[outcome, default: 0] += 1 }
    }

    /// Counts a reorder the shortcut handled (`saved`) or handed to the usual chain (`passed_on`).
    public func recordChoiceOrderShortcut(_ outcome: String) {
        state.withLockedValue { $0.choiceOrderShortcut[outcome, default: 0] += 1 }
    }

    /// The Prometheus exposition text; `extra` lines (gauges read from the database) are appended.
    public func render(extra: [String] = []) -> String {
        let state = state.withLockedValue { $0 }
        var lines = [
            "# HELP wblmatch_http_requests_total HTTP requests by method, route and status.",
            "# TYPE wblmatch_http_requests_total counter",
        ]
        for (s, n) in state.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            lines.append("wblmatch_http_requests_total{method=\"\(s.method)\",route=\"\(escape(s.route))\",status=\"\(s.status)\"} \(n)")
        }
        lines += [
            "# HELP wblmatch_http_request_duration_seconds Time to answer a request, by route.",
            "# TYPE wblmatch_http_request_duration_seconds histogram",
        ]
        for (route, h) in state.latency.sorted(by: { $0.key < $1.key }) {
            for (i, bound) in Self.buckets.enumerated() {
                lines.append("wblmatch_http_request_duration_seconds_bucket{route=\"\(escape(route))\",le=\"\(bound)\"} \(h.counts[i])")
            }
            lines.append("wblmatch_http_request_duration_seconds_bucket{route=\"\(escape(route))\",le=\"+Inf\"} \(h.count)")
            lines.append("wblmatch_http_request_duration_seconds_sum{route=\"\(escape(route))\"} \(h.sum)")
            lines.append("wblmatch_http_request_duration_seconds_count{route=\"\(escape(route))\"} \(h.count)")
        }
        lines += [
            "# HELP wblmatch_sign_ins_total Sign-in attempts by outcome.",
            "# TYPE wblmatch_sign_ins_total counter",
        ]
        for (outcome, n) in state.signIns.sorted(by: { $0.key < $1.key }) {
            lines.append("wblmatch_sign_ins_total{outcome=\"\(outcome)\"} \(n)")
        }
        lines += [
            "# HELP wblmatch_choice_order_shortcut_total Reorders saved in one statement with the session check, or passed on to the usual chain.",
            "# TYPE wblmatch_choice_order_shortcut_total counter",
        ]
        for (outcome, n) in state.choiceOrderShortcut.sorted(by: { $0.key < $1.key }) {
            lines.append("wblmatch_choice_order_shortcut_total{outcome=\"\(outcome)\"} \(n)")
        }
        return (lines + extra).joined(separator: "\n") + "\n"
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
