/// Names, nationalities and languages like those GAI offices see, for generated demo offices.
enum DemoNames {
  struct Origin {
    let country: String
    let weight: Int
    let languages: [String]
    let given: [String]
    let family: [String]
    /// Whole names in their own script, used instead of given + family now and then.
    let native: [String]
  }

  static let origins: [Origin] = [
    Origin(
      country: "GW", weight: 25, languages: ["pov", "pt"],
      given: [
        "Mamadu", "Fatumata", "Aissatu", "Braima", "Quintino", "Domingos", "Adama", "Mariama", "Sadjo",
        "Umaro",
      ],
      family: ["Baldé", "Djaló", "Embaló", "Sanhá", "Mendes", "Có", "Camará", "Indi", "Sambú", "Na Tchuda"],
      native: []),
    Origin(
      country: "SN", weight: 20, languages: ["wo", "fr"],
      given: [
        "Moussa", "Aminata", "Cheikh", "Fatou", "Ousmane", "Awa", "Mamadou", "Ndeye", "Ibrahima", "Khady",
      ],
      family: ["Diop", "Ndiaye", "Fall", "Sow", "Diallo", "Faye", "Gueye", "Mbaye", "Sarr", "Cissé"],
      native: []),
    Origin(
      country: "NG", weight: 12, languages: ["en", "yo"],
      given: [
        "Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo", "Ibrahim", "Blessing", "Tunde",
        "Chioma",
      ],
      family: [
        "Okafor", "Adeyemi", "Eze", "Nwosu", "Bello", "Okonkwo", "Balogun", "Abubakar", "Obi", "Adebayo",
      ],
      native: []),
    Origin(
      country: "GN", weight: 10, languages: ["fr", "ff"],
      given: ["Alpha", "Mariama", "Thierno", "Kadiatou", "Sékou", "Hawa", "Mamadou", "Fanta"],
      family: ["Barry", "Bah", "Diallo", "Camara", "Condé", "Touré", "Keïta", "Soumah"], native: []),
    Origin(
      country: "PT", weight: 6, languages: ["pt"],
      given: ["João", "Maria", "José", "Ana", "António", "Inês", "Gonçalo", "Beatriz"],
      family: ["Gonçalves", "Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Conceição"],
      native: []),
    Origin(
      country: "CN", weight: 6, languages: ["zh"], given: ["Xiaoming", "Na", "Wei", "Yang", "Jing"],
      family: ["Wang", "Li", "Zhang", "Liu", "Chen"], native: ["王小明", "李娜", "张伟", "刘洋", "陈静"]),
    Origin(
      country: "BR", weight: 5, languages: ["pt"],
      given: ["Lucas", "Camila", "Thiago", "Larissa", "Rafael", "Juliana"],
      family: ["Souza", "Lima", "Carvalho", "Araújo", "Ribeiro", "Almeida"], native: []),
    Origin(
      country: "RU", weight: 3, languages: ["ru"], given: ["Maria", "Aleksei", "Olga", "Dmitri"],
      family: ["Ivanova", "Smirnov", "Kuznetsova", "Popov"],
      native: ["Мария Иванова", "Алексей Смирнов", "Ольга Кузнецова", "Дмитрий Попов"]),
    Origin(
      country: "IT", weight: 3, languages: ["it"],
      given: ["Giuseppe", "Francesca", "Luca", "Chiara", "Marco"],
      family: ["Rossi", "Bianchi", "Romano", "Esposito", "Ricci"], native: []),
    Origin(
      country: "ST", weight: 3, languages: ["pt", "cri"], given: ["Edvaldo", "Nilza", "Aurélio", "Celeste"],
      family: ["Trovoada", "Costa Alegre", "Neto", "Bragança"], native: []),
    Origin(
      country: "MA", weight: 2, languages: ["ar", "fr"], given: ["Mohamed", "Fatima", "Youssef"],
      family: ["Alaoui", "Benali", "El Idrissi"], native: ["محمد العلوي", "فاطمة بنعلي"]),
    Origin(
      country: "GH", weight: 3, languages: ["en", "ak"], given: ["Kwame", "Akosua", "Kofi", "Ama"],
      family: ["Mensah", "Owusu", "Boateng", "Asante"], native: []),
    Origin(
      country: "SL", weight: 2, languages: ["en", "kri"], given: ["Mohamed", "Isatu", "Abdul"],
      family: ["Kamara", "Sesay", "Bangura"], native: []),
  ]
}
