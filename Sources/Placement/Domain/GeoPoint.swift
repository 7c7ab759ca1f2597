#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// A point on the Earth by latitude and longitude in degrees (WGS 84).
public struct GeoPoint: Hashable, Sendable {
    /// Degrees north, -90...90.
    public let latitude: Double
    /// Degrees east, -180...180.
    public let longitude: Double

    /// A point; `nil` when a coordinate is out of range or not finite.
    public init?(latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean Earth radius in kilometres (IUGG).
    public static let earthRadiusKm = 6371.0088

    /// Great-circle (haversine) distance in kilometres.
    public func distanceKm(to other: GeoPoint) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.latitude - latitude) * rad
        let dLon = (other.longitude - longitude) * rad
        let a = sin(dLat / 2), b = sin(dLon / 2)
        let h = a * a + cos(latitude * rad) * cos(other.latitude * rad) * b * b
        return 2 * GeoPoint.earthRadiusKm * asin(min(1, h.squareRoot()))
    }

    /// The point as a unit vector: the squared chord between two such vectors is a monotonic
    /// function of the haversine distance, so the hot path compares distances without trigonometry.
    var unitVector: SIMD3<Double> {
        let rad = Double.pi / 180
        let la = latitude * rad, lo = longitude * rad
        let c = cos(la)
        return SIMD3(c * cos(lo), c * sin(lo), sin(la))
    }

    /// The squared chord length of unit vectors whose great-circle distance is `km`.
    static func squaredChord(forKm km: Double) -> Double {
        let half = min(km / (2 * earthRadiusKm), Double.pi / 2)
        let s = sin(half)
        return 4 * s * s
    }
}

extension GeoPoint: Codable {
    enum CodingKeys: String, CodingKey { case latitude, longitude }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let lat = try c.decode(Double.self, forKey: .latitude), lon = try c.decode(Double.self, forKey: .longitude)
        guard let point = GeoPoint(latitude: lat, longitude: lon) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "(\(lat), \(lon)) is not a place: latitude must be -90...90 and longitude -180...180"))
        }
        self = point
    }
}
