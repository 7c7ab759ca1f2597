import Hummingbird
import Store

/// `GET /healthz` (200 when the database answers, else 503) and `GET /metrics` (Prometheus text).
struct HealthController {
    let deps: Dependencies

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("healthz", use: health)
        router.get("metrics", use: metrics)
    }

    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        do {
            try await OperationsStore(pool: deps.pool).ping()
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        } catch {
            context.logger.warning("health check failed", metadata: ["error": "\(error)"])
            return Response(status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "database unreachable\n")))
        }
    }

    @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        var extra: [String] = []
        if let gauges = try? await OperationsStore(pool: deps.pool).gauges() {
            extra.append("# HELP wblmatch_gauge Counts read from the database at scrape time: sessions, users, jobs and match runs by state, the newest run's placements.")
            extra.append("# TYPE wblmatch_gauge gauge")
            for gauge in gauges {
                extra.append("wblmatch_gauge{name=\"\(gauge.name)\"} \(gauge.value)")
            }
        }
        let text = deps.metrics.render(extra: extra)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
