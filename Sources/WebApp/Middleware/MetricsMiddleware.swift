import Database
import Hummingbird

/// Records every request's route, status and latency in ``RequestMetrics``.
public struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    public init(metrics: RequestMetrics) { self.metrics = metrics }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func seconds() -> Double {
            (ContinuousClock.now - start).seconds
        }
        do {
            let response = try await next(request, context)
            metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code, seconds: seconds())
            return response
        } catch let error as any HTTPResponseError {
            metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: error.status.code, seconds: seconds())
            throw error
        } catch {
            metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: 500, seconds: seconds())
            throw error
        }
    }
}
