/// The fixed tables a synthetic export draws people from: grades by role,
/// departments, professions and locations with realistic relative sizes, and
/// names. Weights are relative integers; departments and professions follow
/// the rough shape of the Civil Service Statistics (many operational-delivery
/// staff in DWP, HMRC and MoJ; few senior civil servants).
enum SyntheticPopulation {
  /// A department with the mail domain its people's addresses use.
  struct Department: Sendable {
    var name: String
    var domain: String
  }

  /// Roles: most sign-ups are mentees.
  static let roles = WeightedChoice<Role>([(.mentee, 58), (.mentor, 32), (.both, 10)])

  /// Grade positions in the default scale (AA, AO, EO, HEO, SEO, G7, G6, SCS1,
  /// SCS2, SCS3, Permanent Secretary) per role, per 1,000.
  static let menteeGrades = WeightedChoice<Int>([(0, 30), (1, 140), (2, 260), (3, 270), (4, 180), (5, 95), (6, 25)])
  static let mentorGrades = WeightedChoice<Int>([
    (1, 15), (2, 70), (3, 170), (4, 240), (5, 280), (6, 150), (7, 55), (8, 16), (9, 4),
  ])
  static let bothGrades = WeightedChoice<Int>([(2, 100), (3, 250), (4, 300), (5, 250), (6, 80), (7, 20)])

  /// How each grade is written: the canonical label mostly, aliases sometimes.
  static let gradeSpellings: [[String]] = [
    ["AA", "AA", "Administrative Assistant"], ["AO", "AO", "AO", "Administrative Officer"],
    ["EO", "EO", "EO", "Executive Officer", "eo"], ["HEO", "HEO", "HEO", "Higher Executive Officer", "heo"],
    ["SEO", "SEO", "SEO", "Senior Executive Officer"], ["G7", "G7", "Grade 7", "Grade 7", "g7"],
    ["G6", "G6", "Grade 6", "Grade 6"], ["SCS1", "SCS1", "SCS 1", "Deputy Director"],
    ["SCS2", "SCS 2", "Director"], ["SCS3", "Director General"], ["Permanent Secretary"],
  ]

  /// Labels no grade scale knows, for bad rows.
  static let unknownGrades = ["G8", "Band B", "HEO+", "Grade 9", "B2", "Fast Stream"]

  static let departments = WeightedChoice<Department>([
    (Department(name: "Department for Work and Pensions", domain: "dwp.gov.uk"), 93),
    (Department(name: "Ministry of Justice", domain: "justice.gov.uk"), 90),
    (Department(name: "HM Revenue & Customs", domain: "hmrc.gov.uk"), 66),
    (Department(name: "Ministry of Defence", domain: "mod.gov.uk"), 60),
    (Department(name: "Home Office", domain: "homeoffice.gov.uk"), 42),
    (Department(name: "Department for Environment, Food & Rural Affairs", domain: "defra.gov.uk"), 28),
    (Department(name: "Department for Transport", domain: "dft.gov.uk"), 18),
    (Department(name: "Foreign, Commonwealth & Development Office", domain: "fcdo.gov.uk"), 17),
    (Department(name: "Cabinet Office", domain: "cabinetoffice.gov.uk"), 11),
    (Department(name: "Scottish Government", domain: "gov.scot"), 9),
    (Department(name: "Department for Education", domain: "education.gov.uk"), 8),
    (Department(name: "HM Land Registry", domain: "landregistry.gov.uk"), 7),
    (Department(name: "Welsh Government", domain: "gov.wales"), 6),
    (Department(name: "Office for National Statistics", domain: "ons.gov.uk"), 5),
    (Department(name: "Department of Health and Social Care", domain: "dhsc.gov.uk"), 5),
    (Department(name: "Department for Business and Trade", domain: "businessandtrade.gov.uk"), 5),
    (Department(name: "Ministry of Housing, Communities and Local Government", domain: "communities.gov.uk"), 4),
    (Department(name: "Department for Energy Security and Net Zero", domain: "energysecurity.gov.uk"), 3),
    (Department(name: "Department for Science, Innovation and Technology", domain: "dsit.gov.uk"), 3),
    (Department(name: "HM Treasury", domain: "hmtreasury.gov.uk"), 2),
  ])

  static let professions = WeightedChoice<String>([
    ("Operational Delivery", 400), ("Policy", 90), ("Digital, Data and Technology", 80), ("Project Delivery", 50),
    ("Tax", 45), ("Science and Engineering", 40), ("Finance", 40), ("Human Resources", 30),
    ("Security", 20), ("Commercial", 20), ("Communications", 18), ("Legal", 18),
    ("Government Statistical Service", 12), ("Government Economic Service", 12), ("Intelligence Analysis", 10),
    ("Counter Fraud", 10), ("Knowledge and Information Management", 10), ("Property", 8),
    ("Government Social Research", 6), ("Operational Research", 5), ("Internal Audit", 4), ("Planning", 3),
  ])

  static let locations = WeightedChoice<String>([
    ("London", 200), ("Glasgow", 60), ("Manchester", 55), ("Leeds", 55), ("Birmingham", 50), ("Edinburgh", 50),
    ("Cardiff", 40), ("Bristol", 40), ("Newcastle", 40), ("Sheffield", 30), ("Liverpool", 30), ("Nottingham", 20),
    ("Darlington", 20), ("Croydon", 20), ("Belfast", 18), ("Swansea", 18), ("York", 15), ("Peterborough", 12),
    ("Norwich", 10), ("Plymouth", 10), ("Preston", 10), ("Wolverhampton", 8), ("Milton Keynes", 8), ("Remote", 25),
  ])

  static let givenNames = [
    "Amira", "Ben", "Chloe", "Dev", "Eleanor", "Farah", "George", "Hannah", "Imran", "Jade", "Kwame", "Laura",
    "Mohammed", "Niamh", "Oliver", "Priya", "Rhys", "Sophie", "Tom", "Uma", "Victoria", "Wei", "Yusuf", "Zoë",
    "Aled", "Bethan", "Callum", "Deborah", "Ewan", "Fiona", "Gareth", "Harriet", "Isla", "James", "Kirsty", "Liam",
    "Megan", "Nathan", "Olivia", "Patrick", "Ravi", "Siân", "Tariq", "Aoife", "Grace", "Jack", "Emily", "Noah",
  ]

  static let familyNames = [
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
    "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Khan", "Patel",
    "Ahmed", "Singh", "O'Brien", "Murphy", "MacDonald", "Campbell", "Okafor", "Nguyen", "Kowalski", "Lewis",
    "Morgan", "Price", "Clarke", "Bennett", "Chen", "Ali", "Begum", "Ó Súilleabháin", "Mensah", "Jenkins",
  ]

  /// Cohort names; beyond these, `cohort-N`.
  static let cohortNames = [
    "2026-autumn-general", "ddat-2026", "women-in-leadership-2026", "policy-profession-2026",
    "finance-2026", "ethnic-minority-talent-2026", "operational-delivery-2026", "scs-aspire-2026",
  ]

  /// The name of cohort `index`.
  static func cohortName(_ index: Int) -> String {
    index < cohortNames.count ? cohortNames[index] : "cohort-\(index + 1)"
  }

  /// Lowercase ASCII letters of a name, for the local part of an address.
  static func addressPart(_ name: String) -> String {
    let folded: [Character: Character] = ["ë": "e", "é": "e", "ó": "o", "ú": "u", "á": "a", "â": "a", "í": "i"]
    return String(name.lowercased().compactMap { character -> Character? in
      let plain = folded[character] ?? character
      return plain.isASCII && plain.isLetter ? plain : nil
    })
  }
}
