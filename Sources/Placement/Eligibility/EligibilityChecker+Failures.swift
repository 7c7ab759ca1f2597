extension EligibilityChecker {
    /// Every failed rule of one pair with its facts, in code order: what explanations and
    /// counselors read. Agrees with `check` (the same codes); slower, so call it only for the
    /// pairs someone looks at.
    public func failures(of student: Student, context: StudentContext, slot index: Int) -> [EligibilityFailure] {
        let s = prepare(student, context: context)
        let verdict = check(s, slot: index)
        guard !verdict.isEligible else { return [] }
        let f = facts[index]
        let slot = slots[index]
        let hw = policy.hazardousWork
        let start = slot.startDate
        func age(_ years: Int) -> AgeFact {
            AgeFact(requiredAge: years, reachesOn: student.birthDate.birthday(turning: years, leapDay: policy.leapDayBirthday),
                    slotStart: start)
        }
        var out: [EligibilityFailure] = []
        for code in verdict.failures.codes {
            switch code {
            case .underMinimumAge:
                out.append(.underMinimumAge(age(Int(f.requiredAge))))
            case .hoursLimit:
                if let v = analyses[Int(analysisOfSlot[index])].firstViolation {
                    out.append(.hoursLimit(v, age(policy.youngWorkers.underAge)))
                }
            case .restrictedWork:
                var work: [RestrictedWork] = []
                if slot.manufacturing { work.append(.manufacturing) }
                if slot.mining { work.append(.mining) }
                if slot.powerMachinery { work.append(.powerMachinery) }
                out.append(.restrictedWork(work, age(hw.manufacturingMiningMachineryMinimumAge)))
            case .hazardousOrder:
                let blocking = HazardousOrderSet(rawValue: blockingOrders(s, f))
                var gaps: [ExemptionGap] = []
                let notExempt = blocking.subtracting(hw.studentLearnerExemptOrders)
                if !notExempt.isEmpty { gaps.append(.ordersNotExempt(notExempt)) }
                if !blocking.intersection(hw.studentLearnerExemptOrders).isEmpty {
                    // Exemptible orders still block, so some condition of the exemption is missing.
                    if f.start < s.birthdays[hw.studentLearnerMinimumAge] { gaps.append(.tooYoung(age(hw.studentLearnerMinimumAge))) }
                    if slot.programOfStudy == nil || slot.programOfStudy != student.programOfStudy {
                        gaps.append(.programMismatch(slot: slot.programOfStudy, student: student.programOfStudy))
                    }
                    if !student.studentLearnerAgreement { gaps.append(.noAgreement) }
                }
                out.append(.hazardousOrder(blocking, age(hw.hazardousOrdersMinimumAge), exemptionGaps: gaps))
            case .agriculturalHazardous:
                out.append(.agriculturalHazardous(age(hw.agriculturalHazardousMinimumAge),
                                                  vocationalAgExemption: student.vocationalAgExemption))
            case .missingGuardianConsent:
                out.append(.missingGuardianConsent(age(policy.guardianConsentUnderAge)))
            case .missingWorkPermit:
                out.append(.missingWorkPermit(age(policy.workPermitUnderAge)))
            case .noTransport, .commuteTooFar:
                let origin = policy.transport.measureFrom == .home ? (student.home ?? context.schoolLocation) : context.schoolLocation
                let km = (origin.flatMap { o in siteLocations[index].map { o.distanceKm(to: $0) } }) ?? .infinity
                if code == .noTransport {
                    out.append(.noTransport(transport: student.transport, distanceKm: km,
                                            walkingDistanceKm: policy.transport.walkingDistanceKm))
                } else {
                    out.append(.commuteTooFar(distanceKm: km, maximumKm: policy.transport.maxCommuteKm,
                                              from: s.originIsHome ? .home : .school))
                }
            case .locationUnknown:
                out.append(.locationUnknown(f.flags.contains(.located) ? .student : .site))
            case .scheduleConflict:
                let schoolYearFits = !f.flags.contains(.usesSchoolYear) || student.availability.contains(slot.schedule)
                out.append(.scheduleConflict(season: schoolYearFits ? .summer : .schoolYear, schedule: slot.schedule,
                                             availability: schoolYearFits ? student.summerAvailability : student.availability))
            case .missingCertification:
                out.append(.missingCertifications(CertificationSet(rawValue: f.certifications & ~s.certifications)))
            case .backgroundCheckRequired: out.append(.backgroundCheckRequired)
            case .drugScreenRequired: out.append(.drugScreenRequired)
            case .driversLicenseRequired: out.append(.driversLicenseRequired)
            case .usCitizenshipRequired: out.append(.usCitizenshipRequired)
            case .belowMinimumGrade:
                out.append(.belowMinimumGrade(required: Int(f.minimumGrade), grade: student.grade))
            case .programOfStudyRequired:
                out.append(.programOfStudyRequired(required: slot.programOfStudy, student: student.programOfStudy))
            case .courtRestriction:
                out += courtRestrictionFacts(s, index, f).map { .courtRestriction($0) }
            case .slotInactive: out.append(.slotInactive)
            case .slotInvalid: out.append(.slotInvalid)
            }
        }
        return out
    }
}
