/// Word lists for ``CohortReport/sample(cohort:mentees:seed:hostile:)``: made-up people in made-up places.
enum SampleWords {
  static let givenNames = ["Amara", "Ben", "Chloe", "Dev", "Eilidh", "Farah", "Gareth", "Hana", "Idris", "Jo", "Kwame", "Lena", "Mairead", "Nikhil", "Olu", "Priya", "Rhys", "Sian", "Tomasz", "Zainab"]
  static let familyNames = ["Adeyemi", "Brown", "Campbell", "Davies", "Evans", "Fraser", "Ghosh", "Hughes", "Iqbal", "Jones", "Kowalski", "Lewis", "Morgan", "Nowak", "O'Neill", "Patel", "Roberts", "Singh", "Thomas", "Williams"]
  static let departments = ["HM Revenue & Customs", "Department for Work and Pensions", "Ministry of Justice", "Home Office", "Cabinet Office", "Department for Education", "Department of Health and Social Care", "Department for Transport", "HM Treasury", "Office for National Statistics"]
  static let professions = ["Policy", "Operational Delivery", "Digital, Data and Technology", "Finance", "Project Delivery", "Human Resources", "Commercial", "Analysis"]
  static let locations = ["London", "Leeds", "Manchester", "Glasgow", "Cardiff", "Bristol", "Birmingham", "Newcastle", "Belfast", "Darlington", "Sheffield", "Edinburgh", "Nottingham", "Croydon"]
  static let skills = ["stakeholder management", "data analysis", "leadership", "public speaking", "project management", "policy writing", "coaching", "agile delivery", "financial planning", "negotiation", "user research", "people management", "risk management", "procurement", "Python"]
  // The run's own codes and wording (``WaitingReason``).
  static let waitingReasons: [(code: String, words: String)] = [
    ("all-mentors-full", "every suitable mentor was matched with someone who fitted them better this time"),
    ("excluded-by-rules", "the required rules together rule out every mentor (rule 1 (not-line-manager): 2; rule 3 (grade-gap): 5)"),
    ("excluded-by-rule", "rule 3 (grade-gap) rules out every mentor in the cohort: none is one to three grades above them"),
    ("all-mentors-full", "every suitable mentor was matched with someone who fitted them better this time"),
  ]
  static let rejections: [(code: String, field: String, message: String)] = [
    ("unknown-grade", "grade", "unknown grade 'G8' (known: AA, AO, EO, HEO, SEO, G7, G6, SCS1)"),
    ("missing-consent", "consent", "consent must be 'yes' to take part"),
    ("bad-email", "email", "email is not an address"),
    ("unknown-grade", "grade", "unknown grade 'Grade 7' (known: AA, AO, EO, HEO, SEO, G7, G6, SCS1)"),
  ]
  static let unplacedTerms = ["spreadsheets", "excel wizardry", "comms", "resilience", "ministerial briefing", "change mgmt", "confidence", "networking"]
}
