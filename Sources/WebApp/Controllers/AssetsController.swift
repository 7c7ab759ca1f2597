import Foundation
import Hummingbird

/// `GET /assets/app.css` and `/assets/app.js`, read once from the module's resources.
struct AssetsController {
    struct Asset: Sendable { var contentType: String; var body: String }
    let assets: [String: Asset]

    static func load() throws -> AssetsController {
        guard let base = Bundle.module.resourcePath else { throw WebAppError(message: "no resource bundle") }
        var assets: [String: Asset] = [:]
        for (name, type) in [("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
                             ("openapi.yaml", "application/yaml; charset=utf-8")] {
            let text = try String(contentsOfFile: base + "/Assets/" + name, encoding: .utf8)
            assets[name] = Asset(contentType: type, body: text)
        }
        return AssetsController(assets: assets)
    }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("assets/:name") { request, context in
            let name = try context.parameters.require("name")
            guard let asset = assets[name], name != "openapi.yaml" else { throw HTTPError(.notFound) }
            return Self.response(asset, cache: "public, max-age=300")
        }
        router.get("api/v1/openapi.yaml") { _, _ in
            Self.response(assets["openapi.yaml"]!, cache: "no-cache")
        }
    }

    static func response(_ asset: Asset, cache: String) -> Response {
        Response(status: .ok, headers: [.contentType: asset.contentType, .cacheControl: cache],
                 body: .init(byteBuffer: ByteBuffer(string: asset.body)))
    }
}
