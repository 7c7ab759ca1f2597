/// One of the 17 non-agricultural Hazardous Occupations Orders (29 CFR 570.51–570.68), by number.
public struct HazardousOrder: Hashable, Comparable, Sendable, Codable, RawRepresentable {
    /// 1...17.
    public let rawValue: Int

    /// The order with this number; `nil` outside 1...17.
    public init?(rawValue: Int) {
        guard (1...17).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public static func < (a: HazardousOrder, b: HazardousOrder) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        let n = try decoder.singleValueContainer().decode(Int.self)
        guard let order = HazardousOrder(rawValue: n) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "hazardous order \(n) does not exist; the orders are numbered 1 to 17"))
        }
        self = order
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// HO2, motor-vehicle driving.
    public static let motorVehicleDriving = HazardousOrder(rawValue: 2)!
    /// HO5, power-driven woodworking machines.
    public static let powerWoodworking = HazardousOrder(rawValue: 5)!
    /// HO7, power-driven hoisting apparatus (forklifts).
    public static let hoisting = HazardousOrder(rawValue: 7)!
    /// HO8, metal-forming, punching and shearing machines.
    public static let metalForming = HazardousOrder(rawValue: 8)!
    /// HO10, meat processing.
    public static let meatProcessing = HazardousOrder(rawValue: 10)!
    /// HO12, balers and compactors.
    public static let balers = HazardousOrder(rawValue: 12)!
    /// HO14, circular saws, band saws, guillotine shears.
    public static let saws = HazardousOrder(rawValue: 14)!
    /// HO16, roofing.
    public static let roofing = HazardousOrder(rawValue: 16)!
    /// HO17, excavation.
    public static let excavation = HazardousOrder(rawValue: 17)!

    /// What the order covers, as a counselor reads it.
    public var title: String {
        switch rawValue {
        case 1: "manufacturing or storing explosives"
        case 2: "motor-vehicle driving"
        case 3: "coal mining"
        case 4: "forest fire fighting, forestry and timber tract work"
        case 5: "power-driven woodworking machines"
        case 6: "exposure to radioactive substances"
        case 7: "forklifts and other power-driven hoists"
        case 8: "metal-forming, punching and shearing machines"
        case 9: "mining other than coal"
        case 10: "meat and poultry processing"
        case 11: "power-driven bakery machines"
        case 12: "balers, compactors and paper-products machines"
        case 13: "manufacturing brick, tile and kindred products"
        case 14: "circular saws, band saws and guillotine shears"
        case 15: "wrecking, demolition and ship-breaking"
        case 16: "roofing"
        default: "excavation"
        }
    }
}
