/* tarmac-demo-names.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-demo"

#include "config.h"

#include "tarmac-demo-names.h"

/*
 * ALL OF THIS IS INVENTED. The lists hold common given names, common surnames, cities and
 * generic agency names; the generator combines them at random, so no record describes a
 * real person. Surnames and given names that belong to well-known public figures in the
 * same culture were left out so that random pairs do not recreate them. Document numbers,
 * phone numbers and card numbers are random (North American ones in the 555 exchange,
 * British ones in 07700 9, the ranges set aside for fiction); e-mail addresses use the
 * reserved ".example" top-level domain (RFC 2606), so none can reach anyone.
 *
 * Spellings vary on purpose, as they do in airline data: transliterations of Arabic names
 * ("~" variants), names with and without diacritics (the generator also strips them, as a
 * departure control system does), particles (de, da, dos, del, van den, El), apostrophes
 * (N'Diaye, D'Almeida) and compound given names.
 */

const TarmacDemoCulture _tarmac_demo_cultures[] = {
  {
    "togolese",
    "Kossi|Koffi|Kodjo|Yao|Kwami|Komlan|Edem|Sena|Mawuli|Elom|Kokou|Komi|Dodzi|Yawo|Agbéko|"
    "Kafui|Essozimna|Pidassa|Tchilabalo|Pakidame|Kossivi|Mensavi|Kodzo|Atsu|Emmanuel|"
    "Jean-Paul|Serge|Fabrice|Rodrigue|Messan|Ayité|Ablam",
    "Adjoa|Akossiwa|Afi|Abla|Ama|Ayaba|Akouvi|Enyonam|Mawuena|Dzifa|Sélom|Kafui|Yawa|"
    "Essowavana|Mazalo|Amivi|Kayi|Dédé|Afiwa|Adzo|Kossiwa|Délali|Edoh|Pélagie|Reine|"
    "Bernadette|Nadège|Akpéné",
    "Agbékodo|Akakpo|Amegah|Adjovi|Kpodar|Lawson|Agbodjan|Amedzro|Djossou|Gbeassor|Kodjovi|"
    "Tchalla|Sossou|Ayéva|Folly|Kuevi|Wilson|D'Almeida|De Souza|Tagba|Fiawoo|Amouzou|"
    "Agbéli|Dogbé|Klutse|Afanvi|Ahadji|Gbadoé|Kpeglo|Adjakly|Ekoué|Akué|Noussoukpoé|"
    "Assogba|Batchassi|Pitassa|Essonana|Bawa|Tchédré|Adama|Koudjo|Samarou|"
    "Awesso|Kanté|Gnagnon|Hodabalo|Nabédé|Tchamdja|Atakpama|Mensah",
    NULL, NULL, NULL,
    30, 1, 1,
  },
  {
    "beninese",
    "Codjo|Coffi|Kossi|Sènan|Mahougnon|Hervé|Romuald|Gildas|Arnaud|Didier|Basile|Cyrille|"
    "Landry|Florent|Géraud|Mathias|Fidèle|Hounkpè|Dossa|Sèdjro|Rachidi|Latifou|Moudachirou",
    "Adjoavi|Sènami|Aïcha|Fifamè|Houéfa|Gisèle|Mireille|Prudence|Reine|Rosine|Victoire|"
    "Nafissatou|Chimène|Ornella|Bienvenue|Carmelle|Ablawa|Dossi",
    "Ahouandjinou|Hounkpatin|Houngbédji|Dossou|Adjaho|Agossou|Avocè|Dossou-Yovo|Gbaguidi|"
    "Hounsou|Kiki|Zinsou|Akpovi|Tossou|Sagbo|Ahoyo|Gandonou|Dégbé|Fagla|Vodounou|Adéchina|"
    "Sanni|Orou|Yessoufou|Chabi|De Souza|D'Oliveira|Da Silva|Assogba",
    NULL, NULL, NULL,
    30, 1, 1,
  },
  {
    "akan",
    "Kwame|Kwabena|Kofi|Kwaku|Yaw|Kojo|Kwesi|Kwadwo|Emmanuel|Samuel|Isaac|Daniel|Prince|"
    "Ebenezer|Richmond|Michael|Francis|Bernard|Nii|Kobina|Fiifi|Elikem|Selorm|Derrick|Eric",
    "Ama|Akosua|Abena|Adwoa|Efua|Esi|Yaa|Afua|Akua|Gifty|Comfort|Mercy|Abigail|Priscilla|"
    "Linda|Naa|Dzifa|Efe|Akuba|Adjoa|Nana Ama|Maame|Sedinam|Elorm",
    "Mensah|Owusu|Boateng|Asante|Osei|Agyeman|Appiah|Ofori|Acheampong|Amoah|Adjei|Darko|"
    "Antwi|Frimpong|Sarpong|Quaye|Tetteh|Quartey|Addo|Danquah|Opoku|Kyei|Bonsu|Ansah|Gyamfi|"
    "Nyarko|Asamoah|Badu|Oduro|Kumi|Amponsah|Lamptey|Nartey|Ocansey|Dzokoto|Agbenyega",
    NULL, NULL, NULL,
    35, 1, 1,
  },
  {
    "nigerian",
    "Chukwuemeka|Chinedu|Obinna|Ifeanyi|Emeka|Nnamdi|Tunde|Olumide|Babatunde|Adewale|"
    "Oluwaseun|Segun|Femi|Abdullahi|Usman|Sani|Musa|Aliyu|Yakubu|Ibrahim|Chibuike|Uchenna|"
    "Kelechi|Tochukwu|Ikechukwu|Oluwafemi|Ayodele|Kayode|Bashir|Nasiru|Godwin|Friday|"
    "Sunday|Innocent|Victor",
    "Ngozi|Chiamaka|Adaeze|Chioma|Nkechi|Funmilayo|Folake|Yetunde|Aisha|Zainab|Hauwa|"
    "Amina|Blessing|Temitope|Oluwakemi|Ifeoma|Chinyere|Uju|Bukola|Titilayo|Halima|Fatima|"
    "Precious|Joy|Patience|Omolara|Adaobi|Obiageli|Ebere",
    "Okafor|Okeke|Eze|Nwosu|Obi|Okonkwo|Nwachukwu|Adeyemi|Adebayo|Ogunleye|Balogun|Olawale|"
    "Bello|Abubakar|Mohammed|Yusuf|Lawal|Aliyu|Okoro|Chukwu|Onyekachi|Adeleke|Oyelaran|"
    "Ibekwe|Uche|Danjuma|Garba|Oyewole|Nwankwo|Ezeh|Ogbonna|Anyanwu|Iwu|Okpara|Afolabi|"
    "Ogundipe|Oladipo|Akinyemi|Bamidele|Olatunji|Salisu|Shehu|Ibrahim|Umar|"
    "Onuoha|Eneh|Agu|Udeh|Nnaji|Effiong|Etim|Bassey|Okon",
    NULL, NULL, NULL,
    40, 1, 1,
  },
  {
    "ivorian",
    "Kouadio|Konan|Kouamé|Yao|Kouassi|Aka|Serge|Jean-Marc|Didier|Arsène|Hervé|Mamadou|"
    "Drissa|Souleymane|Seydou|Koffi|Brou|Yapo|Ange|Franck|Wilfried|Yannick|Patrice|Siaka|"
    "Lacina|Bakary|Zié",
    "Amenan|Affoué|Adjoua|Ahou|Aya|Akissi|Mariam|Awa|Fanta|Nadège|Carine|Christelle|Amoin|"
    "Ange|Prisca|Larissa|Sandrine|Eugénie|Salimata|Massandjé|Tenin",
    "Kouassi|Kouamé|Konan|N'Guessan~Nguessan|Yao|Koné|Coulibaly|Ouattara|Bamba|"
    "Diabaté|Touré|Kouadio|Brou|Yapi|Koffi|Tanoh|Ehui|Assi|Aka|Dosso|Fofana|Kra|Amani|"
    "Ahoussou|Gnamien|Yéo|Silué|Tuo|Zadi|Gnahoré|Sery|Zoro|Boni|Kacou|Anoh",
    NULL, NULL, NULL,
    35, 1, 1,
  },
  {
    "senegalese",
    "Mamadou|Moussa|Cheikh|Ousmane|Ibrahima|Abdoulaye|Modou|Pape|Babacar|Serigne|Aliou|"
    "Lamine|Souleymane|Mouhamed|Elhadji~El Hadji~El Hadj|Saliou|Assane|Omar|Malick|Boubacar|"
    "Ndiaga|Djibril|Matar|Baye|Fallou",
    "Fatou|Aminata|Awa|Mariama|Khady|Ndèye~Ndeye|Aïssatou~Aissatou~Aïsatou|Coumba|Astou|"
    "Dieynaba|Rokhaya|Sokhna|Bineta|Maimouna|Adja|Yacine|Fatoumata|Penda|Ramatoulaye|"
    "Seynabou|Mame Diarra|Ndèye Fatou",
    "Diallo|N'Diaye~Ndiaye~N'DIAYE|Sow|Fall|Diop|Ba|Sarr|Faye|Gueye~Guèye|Mbaye|Seck|Thiam|"
    "Cissé|Ndour|Diouf|Kane|Niang|Sy|Sène|Dieng|Mbodj|Ka|Touré|Camara|Badji|Diatta|"
    "Sané|Ndong|Mbengue|Lô|Samb|Tall|Wane|Dramé|Cissokho|Gaye|Lèye",
    NULL, NULL, NULL,
    25, 1, 1,
  },
  {
    "sahel",
    "Ousmane|Boubacar|Seydou|Adama|Issa|Moussa|Bakary|Salif|Drissa|Souleymane|Lassina|"
    "Amadou|Harouna|Idrissa|Oumarou|Inoussa|Rasmané|Boukary|Abdoulaye|"
    "Hamidou|Mahamane|Abdourahamane|Alpha|Mamadi|Sékou|Yacouba|Tahirou",
    "Awa|Fatoumata|Kadiatou|Aminata|Mariam|Oumou|Salimata|Rasmata|Assétou|Bintou|Djénéba|"
    "Safiatou|Haoua|Pauline|Mariétou|Nafissatou|Habsatou|Zalissa|Fanta|Hadiza|Rakiatou",
    "Traoré~Traore|Keïta~Keita|Coulibaly|Diarra|Sangaré|Maïga~Maiga|Cissé|Touré|"
    "Sidibé|Dembélé~Dembele|Konaté|Ouédraogo~Ouedraogo|Sawadogo|Kaboré|Zongo|Ilboudo|"
    "Nikièma|Tapsoba|Zoungrana|Sanou|Bationo|Yaméogo|Ouattara|Diakité|Samaké|Doumbia|"
    "Koné|Sissoko|Haïdara|Tounkara|Diallo|Barry|Bah|Sylla|Condé|Kourouma|Soumah|"
    "Hamani|Moumouni|Abdou|Mahamadou|Seyni|Garba|Boubé",
    NULL, NULL, NULL,
    25, 1, 1,
  },
  {
    "cameroonian",
    "Jean-Pierre|Emmanuel|Serge|Patrice|Hervé|Alain|Martial|Landry|Ulrich|Blaise|Joël|"
    "Cyrille|Stéphane|Achille|Boris|Franck|Junior|Marcel|Aboubakar|Hamadou",
    "Estelle|Carine|Brigitte|Solange|Josiane|Nadège|Christelle|Vanessa|Murielle|Sidonie|"
    "Laure|Flore|Hortense|Aïssatou|Mireille",
    "Mbarga|Ngono|Atangana|Essomba|Fouda|Tchoumi|Kamga|Nana|Fotso|Tchinda|Ndjock|Mvondo|"
    "Nkoulou|Ekambi|Tchatchoua|Ngassa|Djoumessi|Wamba|Kenfack|Nguemo|Talla|Simo|Tagne|"
    "Ndzana|Owona|Bella|Ateba|Manga|Ebode",
    NULL, NULL, NULL,
    35, 1, 1,
  },
  {
    "maghrebi",
    "Mohamed~Mohammed~Muhammad~Mohammad~Mohamad|Youssef~Youssouf~Yusuf|Hicham~Hisham|Rachid|"
    "Abdelkader~Abd al-Qadir~Abdel Kader~Abdulkadir|Mustapha~Mostafa~Mustafa|Karim|Said~Saïd|"
    "Hassan|Omar|Mehdi|Amine|Khalid~Khaled|Abdelaziz~Abd al-Aziz|Driss|Nabil|Hamza|Anas|"
    "Ayoub|Reda|Yassine|Abdellah~Abdallah|Soufiane|Badr|Ilyas",
    "Fatima~Fatema~Fatimah|Khadija~Khadidja|Nadia|Samira|Zineb~Zaynab|Salma|Houda~Huda|"
    "Meryem~Maryam|Imane~Iman|Laila~Leila~Layla|Naima|Hanane|Soukaina|Sanaa|Asmae~Asmaa|"
    "Ghizlane|Kenza|Hajar|Loubna|Wafae",
    "El Amrani~Al-Amrani~Elamrani~El-Amrani|Benali~Ben Ali|Bennani|El Idrissi~Idrissi|"
    "Alaoui~El Alaoui|Tazi|Berrada|Chraibi~Chraïbi|El Fassi~Fassi|Benjelloun~Ben Jelloun|"
    "Ouazzani|Lahlou|Ziani|Boukhari~El Boukhari|El Mansouri~Mansouri|Haddad|Naciri|Tahiri|"
    "Sebti|Kettani|Belkadi|Zerouali|Bouzidi|Benkirane~Benkiran~Benkirane|Amrani|Chakir|"
    "Filali|Ait Ali~Aït Ali|Ouali|Raji|Skalli|Jabri",
    "Mohamed=محمد|Youssef=يوسف|Hicham=هشام|Rachid=رشيد|Abdelkader=عبد القادر|"
    "Mustapha=مصطفى|Karim=كريم|Said=سعيد|Hassan=حسن|Omar=عمر|Khalid=خالد|"
    "Abdelaziz=عبد العزيز|Driss=إدريس|Nabil=نبيل|Hamza=حمزة|Anas=أنس",
    "Fatima=فاطمة|Khadija=خديجة|Nadia=نادية|Samira=سميرة|Zineb=زينب|Salma=سلمى|Houda=هدى|"
    "Meryem=مريم|Imane=إيمان|Laila=ليلى|Naima=نعيمة|Hanane=حنان|Sanaa=سناء|Asmae=أسماء|"
    "Kenza=كنزة",
    "El Amrani=العمراني|Bennani=بناني|El Idrissi=الإدريسي|Alaoui=العلوي|Tazi=التازي|"
    "Berrada=برادة|Chraibi=الشرايبي|El Fassi=الفاسي|Benjelloun=بنجلون|Ouazzani=الوزاني|"
    "Lahlou=لحلو|Ziani=الزياني|El Boukhari=البخاري|El Mansouri=المنصوري|Haddad=حداد|"
    "Naciri=الناصري|Tahiri=الطاهري|Sebti=السبتي|Kettani=الكتاني|Belkadi=بلقاضي",
    30, 1, 1,
  },
  {
    "egyptian",
    "Ahmed~Ahmad|Mahmoud~Mahmud|Mostafa~Moustafa~Mustafa|Mohamed~Mohammed~Muhammad|Tarek~Tariq|"
    "Amr|Hany~Hani|Sherif~Sharif|Khaled|Walid|Ayman|Abdel Rahman~Abdelrahman~Abd al-Rahman|"
    "Ibrahim|Hossam~Hussam|Karim|Mina|Ramy|Osama~Usama|Sameh|Essam",
    "Mona|Dina|Rania|Heba|Noha|Yasmin~Yasmine|Aya|Nourhan|Mariam|Eman~Iman|Sara|Shaimaa|"
    "Marwa|Hala|Nermeen~Nermin|Salma|Reham",
    "Hassan|Ibrahim|Mahmoud|El-Sayed~El Sayed~Elsayed|Farouk|Mansour|Soliman~Suleiman|"
    "Youssef|Salem|Shalaby|Nassar|Fawzy|Ragab|Helmy|Khalil|Zaki|Gaber|Hamdy|Abdelaziz|"
    "Abdel Kader~Abd al-Qadir~Abdelkader|Mostafa|Saleh|Ghoneim|Darwish|Morsy~Morsi|Awad|"
    "Fahmy|Hegazy|Sabry|Attia",
    "Ahmed=أحمد|Mahmoud=محمود|Mostafa=مصطفى|Mohamed=محمد|Tarek=طارق|Amr=عمرو|Hany=هاني|"
    "Sherif=شريف|Khaled=خالد|Walid=وليد|Ayman=أيمن|Abdel Rahman=عبد الرحمن|Ibrahim=إبراهيم|"
    "Hossam=حسام",
    "Mona=منى|Dina=دينا|Rania=رانيا|Heba=هبة|Noha=نهى|Yasmin=ياسمين|Aya=آية|Mariam=مريم|"
    "Eman=إيمان|Sara=سارة|Shaimaa=شيماء|Marwa=مروة",
    "Hassan=حسن|Ibrahim=إبراهيم|Mahmoud=محمود|El-Sayed=السيد|Farouk=فاروق|Mansour=منصور|"
    "Soliman=سليمان|Youssef=يوسف|Salem=سالم|Shalaby=شلبي|Nassar=نصار|Fawzy=فوزي|Ragab=رجب|"
    "Helmy=حلمي|Khalil=خليل|Zaki=زكي",
    30, 1, 1,
  },
  {
    "levantine",
    "Georges|Elie|Charbel|Rami|Ziad|Fadi|Wissam|Hussein~Hussain~Houssein|Ali|Hassan|Rabih|"
    "Karim|Joseph|Tony|Nabil|Bilal|Jad|Marwan|Walid|Samir|Khalil|Mohamad~Mohammad~Mohamed",
    "Rita|Nadine|Rania|Zeina~Zeinab|Maya|Lara|Carla|Hiba|Zahra|Fatima|Nour~Noor|Joëlle~Joelle|"
    "Micheline|Layal|Rima|Nisrine|Hala|Mira",
    "Khoury~El Khoury~Khouri|Haddad|Nassar|Saad|Fakhoury|Karam|Saleh|Hamadeh~Hamade|Mansour|"
    "Abboud|Fares|Ghandour|Jaber|Khalil|Moussa|Tabet|Younes|Zein~Zeine|Bazzi|Fawaz|Dagher|"
    "Hajj~El Hajj~Al-Hajj|Salameh|Haidar~Haydar|"
    "Harb|Rizk|Sfeir|Akl|Daher|Mroueh",
    "Georges=جورج|Elie=إيلي|Charbel=شربل|Rami=رامي|Ziad=زياد|Fadi=فادي|Wissam=وسام|"
    "Hussein=حسين|Ali=علي|Hassan=حسن|Rabih=ربيع|Karim=كريم",
    "Rita=ريتا|Nadine=نادين|Rania=رانيا|Zeina=زينة|Maya=مايا|Hiba=هبة|Zahra=زهراء|"
    "Fatima=فاطمة|Nour=نور",
    "Khoury=الخوري|Haddad=حداد|Nassar=نصار|Saad=سعد|Karam=كرم|Saleh=صالح|Hamadeh=حمادة|"
    "Mansour=منصور|Abboud=عبود|Fares=فارس|Ghandour=غندور|Jaber=جابر|Khalil=خليل|"
    "Moussa=موسى|Tabet=ثابت|Younes=يونس|Bazzi=بزي",
    35, 1, 1,
  },
  {
    "lusophone",
    "João|José|Pedro|Lucas|Gabriel|Rafael|Thiago~Tiago|Bruno|Felipe~Filipe|Marcelo|Rodrigo|"
    "Leandro|Márcio|Antônio~António|Luís~Luiz|Gonçalo|Vítor~Vitor|Carlos Eduardo|Fábio|"
    "Diego|Matheus|Gustavo|Wellington|Anderson|Cláudio|Rui|Nuno",
    "Maria|Ana|Juliana|Fernanda|Patrícia|Camila|Letícia|Beatriz|Mariana|Luana|Gabriela|"
    "Inês|Joana|Sônia~Sónia|Aline|Jéssica|Daniela|Vanessa|Tatiane|Raquel|Cátia|Rita|"
    "Francisca|Graça",
    "da Silva|dos Santos|de Oliveira|de Souza~de Sousa|Pereira|Gonçalves|Ferreira|Rodrigues|"
    "Alves|Lima|Costa|Carvalho|Araújo|Ribeiro|Barbosa|Nascimento|Moreira|Rocha|Cardoso|"
    "Teixeira|Fernandes|Martins|Lopes|Mendes|Vieira|Correia|Monteiro|de Almeida|da Costa|"
    "Cavalcanti|Batista|Freitas|Pinto|Campos|da Conceição|Machado|Azevedo|Nogueira",
    NULL, NULL, NULL,
    45, 1, 3,
  },
  {
    "hispanic",
    "Juan Carlos|José|Luis|Carlos|Andrés|Miguel Ángel|Jorge|Alejandro|Diego|Javier|"
    "Fernando|Santiago|Julián|Óscar|Sergio|Raúl|Jesús|Juan Pablo|Jhon|Wilmer|Yeison|"
    "Édgar|Hernán|Rafael|Manuel|Francisco|Álvaro",
    "María José|María Fernanda|Ana María|Valentina|Camila|Daniela|Paola|Lucía|Carmen|"
    "Isabel|Mónica|Alejandra|Gabriela|Natalia|Sofía|Mariana|Ximena|Guadalupe|Yuliana|"
    "Leidy|Marisol|Beatriz|Pilar|Rocío|Nuria",
    "Pérez|Rodríguez|González|Hernández|López|Martínez|García|Sánchez|Ramírez|Torres|"
    "Flores|Gómez|Díaz|Vargas|Castro|Moreno|Rojas|Muñoz|Jiménez|Ortiz|Gutiérrez|Álvarez|"
    "Romero|Suárez|del Castillo|de la Cruz|de León|Mendoza|Cárdenas|Ibáñez|Quintero|"
    "Zambrano|Ospina|Restrepo|Londoño|Cárdenas|Villalobos|Salazar|Guerrero|Navarro|Peña|"
    "Rivas|Bermúdez|Aguilar",
    NULL, NULL, NULL,
    50, 2, 2,
  },
  {
    "french",
    "François|Jean-Baptiste|Olivier|Nicolas|Julien|Thomas|Pierre|Sébastien|Mathieu|Laurent|"
    "Benoît|Jérôme|Guillaume|Cédric|Stéphane|Antoine|Hugo|Loïc|Maxime|Romain|Alexandre|"
    "Jean-Luc|Frédéric|Gaël|Rémi|Yann|Théo",
    "Zoë|Hélène|Céline|Élodie|Camille|Marie|Sophie|Aurélie|Émilie|Chloé|Anaïs|Mathilde|"
    "Claire|Inès|Léa|Margaux|Amélie|Brigitte|Cécile|Manon|Océane|Agnès|Solène|Gaëlle",
    "Lefèvre~Lefebvre|Martin|Bernard|Dubois|Moreau|Laurent|Simon|Michel|Garnier|Faure|"
    "Rousseau|Blanc|Guérin|Boyer|Fontaine|Chevalier|Lemaire|Mercier|Girard|Bonnet|Dupont|"
    "Lambert|Leroy|Roux|Vincent|Fournier|Morel|Lefort|Perrin|Gauthier|Chauvin|Barbier|"
    "Leclerc|Lemoine|Renaud|Caron|Masson|Brun|Marchand|Duval|Denis|Lacroix|Le Goff|Le Gall|"
    "Éluard|Béranger|Prévost",
    NULL, NULL, NULL,
    15, 1, 1,
  },
  {
    "dutch",
    "Pieter|Jeroen|Bram|Sander|Wouter|Joris|Thijs|Maarten|Koen|Jens|Stijn|Pieter-Jan|"
    "Bart|Dries|Tom|Wim|Ruben|Lars|Niels",
    "Lotte|Sanne|Femke|Anouk|Eline|Lieke|Inge|Saskia|Zoë|Marieke|Els|Hanne|Annelies|Sofie|"
    "Lies|Nathalie|Ilse|Fien",
    "Van den Berghe|Vermeulen|Peeters|Janssens|Maes|De Smet|Claes|Wouters|Goossens|"
    "De Backer|Van de Velde|Willems|Mertens|Verstraeten|de Vries|van Dijk|Bakker|Visser|"
    "Smit|de Jong|Jansen|van den Heuvel|Meijer|de Boer|Mulder|Bos|Vos|Dekker|Van Acker|"
    "Vandenbroucke|Desmet|Verhoeven|Timmermans|Hendrickx|van der Linden",
    NULL, NULL, NULL,
    20, 1, 1,
  },
  {
    "german",
    "Jürgen|Matthias|Stefan|Andreas|Jörg|Florian|Tobias|Lukas|Maximilian|Uwe|Klaus|Sven|"
    "Björn|Dirk|Markus|Frank|Tim|Jan-Hendrik|Moritz|Günter",
    "Anja|Katrin|Sabine|Ulrike|Jana|Lena|Julia|Birgit|Annegret|Sophie|Jördis|Heike|Silke|"
    "Franziska|Anke|Kerstin|Lea-Marie|Dörte",
    "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|"
    "Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Krüger|Hartmann|"
    "Weiß|Köhler|Groß|Lange|Braun|Hofmann|Vogel|Jäger|Böhm|Kühn|von Berg",
    NULL, NULL, NULL,
    20, 1, 1,
  },
  {
    "polish",
    "Łukasz|Piotr|Krzysztof|Tomasz|Paweł|Michał|Marcin|Grzegorz|Jakub|Wojciech|Bartłomiej|"
    "Kamil|Mateusz|Rafał|Przemysław|Adam|Sławomir",
    "Agnieszka|Katarzyna|Małgorzata|Joanna|Magdalena|Zofia|Ewa|Anna|Dorota|Justyna|"
    "Karolina|Aleksandra|Beata|Iwona|Żaneta|Urszula",
    "Wiśniewski/Wiśniewska|Kowalski/Kowalska|Nowak|Wójcik|Kowalczyk|Kamiński/Kamińska|"
    "Lewandowski/Lewandowska|Zieliński/Zielińska|Szymański/Szymańska|Woźniak|"
    "Dąbrowski/Dąbrowska|Kozłowski/Kozłowska|Jankowski/Jankowska|Mazur|Krawczyk|"
    "Grabowski/Grabowska|Pawlak|Michalski/Michalska|Król|Wieczorek|Jabłoński/Jabłońska|"
    "Nowakowski/Nowakowska|Majewski/Majewska|Olszewski/Olszewska|Stępień|Górski/Górska",
    NULL, NULL, NULL,
    10, 1, 1,
  },
  {
    "italian",
    "Marco|Luca|Giuseppe|Alessandro|Andrea|Matteo|Francesco|Stefano|Davide|Paolo|Simone|"
    "Lorenzo|Niccolò|Gianluca",
    "Giulia|Francesca|Chiara|Sara|Valentina|Federica|Elisa|Martina|Alessia|Ilaria|Serena",
    "Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|"
    "Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|D'Angelo|Fabbri",
    NULL, NULL, NULL,
    10, 1, 1,
  },
  {
    "anglo",
    "James|John|Michael|David|Robert|Christopher|Daniel|Matthew|Andrew|Ryan|Thomas|William|"
    "Joseph|Mark|Steven|Paul|Kevin|Jason|Brian|Liam|Owen",
    "Sarah|Emily|Jennifer|Jessica|Laura|Emma|Rachel|Hannah|Megan|Rebecca|Katherine|"
    "Charlotte|Olivia|Amy|Lauren|Sophie|Grace|Chloe|Siobhan",
    "Smith|Johnson|Williams|Brown|Jones|Taylor|Davies|Wilson|Evans|Thompson|Walker|"
    "Robinson|Wright|Harris|Clarke|O'Brien|McDonald|Hughes|Miller|Anderson|Campbell|"
    "Stewart|Murphy|Kelly|Morgan|Cooper|Turner|Phillips|Bennett|O'Connor|MacLeod",
    NULL, NULL, NULL,
    35, 1, 1,
  },
  {
    "chinese",
    "Xiaoming|Jianguo|Haitao|Wei|Lei|Jun|Hao|Yong|Bo|Peng|Zhiwei|Jianhua|Guoqiang|"
    "Xiaodong|Chenglong|Yifan|Zihao|Hongwei|Dapeng",
    "Xiaoling|Jing|Min|Yan|Li|Hui|Fang|Mei|Xue|Ying|Ting|Xiaohong|Lili|Yuqing|Jiayi|"
    "Shuang|Wenjing|Xiaoyan",
    "Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|Lin|He|Gao|Luo|"
    "Zheng|Liang|Xie|Song|Tang|Han|Feng|Deng|Cao|Peng",
    NULL, NULL, NULL,
    0, 1, 1,
  },
  {
    "indian",
    "Rahul|Amit|Sanjay|Vikram|Arjun|Rajesh|Suresh|Anil|Deepak|Karthik|Venkatesh|Mohan|"
    "Ravi|Sunil|Manoj|Naveen|Harpreet|Gurpreet|Imran|Farhan|Sachin|Prakash",
    "Priya|Anjali|Lakshmi|Kavita|Sunita|Deepa|Meera|Divya|Pooja|Shalini|Anitha|Kavya|"
    "Neha|Swati|Ritu|Harjeet|Nazia|Revathi",
    "Raghunathan|Sharma|Patel|Iyer|Nair|Reddy|Gupta|Singh|Kumar|Menon|Pillai|Rao|Desai|"
    "Mehta|Shah|Krishnan|Subramanian|Chatterjee|Banerjee|Joshi|Kaur|Agarwal|Verma|Das|"
    "Bhatt|Khan|Fernandes|D'Souza|Chopra|Malhotra|Venkataraman|Srinivasan",
    NULL, NULL, NULL,
    15, 1, 1,
  },
  {
    "turkish",
    "Çağlar|Mehmet|Mustafa|Emre|Burak|Murat|Oğuz|Serkan|Hakan|Yusuf|Kerem|Barış|Ömer|"
    "Ahmet|İbrahim|Hüseyin|Volkan|Tolga|Uğur|Selim",
    "Ayşe|Elif|Zeynep|Özlem|Gül|Esra|Şule|Merve|Büşra|Derya|Fatma|Hülya|Emine|Gökçe|İrem|"
    "Sevgi|Tuğba|Nur",
    "Yıldız|Yılmaz|Kaya|Demir|Şahin|Çelik|Öztürk|Aydın|Arslan|Doğan|Kılıç|Aslan|Çetin|"
    "Koç|Kurt|Özdemir|Güneş|Aksoy|Polat|Korkmaz|Özkan|Şimşek|Karaca|Turan|Erdem|Yavuz|"
    "Keskin|Tekin",
    NULL, NULL, NULL,
    15, 1, 1,
  },
  {
    "vietnamese",
    "Văn Hùng|Văn Minh|Đức Anh|Quang Huy|Minh Tuấn|Thanh Long|Văn Nam|Hoàng Long|Quốc Bảo|"
    "Văn Thắng|Đình Phúc|Tiến Dũng|Xuân Trường",
    "Thị Hương|Thị Lan|Thị Mai|Thị Hoa|Ngọc Anh|Thu Trang|Thị Thu|Thị Hằng|Phương Linh|"
    "Thị Ngọc|Bích Ngọc|Thanh Hà|Thị Nga",
    "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý",
    NULL, NULL, NULL,
    0, 1, 1,
  },
  {
    "ethiopian",
    "Abebe|Dawit|Yohannes|Tesfaye|Getachew|Solomon|Bekele|Alemayehu|Mulugeta|Tadesse|"
    "Kebede|Girma|Henok|Samuel|Biniam|Eyob|Natnael|Yared|Abel|Mesfin",
    "Tigist|Meron|Hana|Selam|Bethlehem|Mahlet|Aster|Almaz|Tsion|Rahel|Hiwot|Eden|Liya|"
    "Feven|Saba|Kidist|Meseret|Yordanos",
    "Tesfaye|Bekele|Kebede|Haile|Girma|Alemu|Tadesse|Wolde|Gebre|Gebremedhin|Assefa|Desta|"
    "Ayele|Worku|Abera|Negash|Mekonnen|Tilahun|Demissie|Getahun|Mulatu|Berhane|Hailu|"
    "Tekle|Woldemariam",
    NULL, NULL, NULL,
    0, 1, 1,
  },
  {
    "east-african",
    "John|Peter|David|Brian|Kevin|Dennis|Jean de Dieu|Eric|Patrick|Emmanuel|Innocent|"
    "Onyango|Kamau|Eugène|Olivier|Moses|Collins|Evans|Gilbert",
    "Mary|Grace|Faith|Esther|Mercy|Aline|Diane|Claudine|Josiane|Beatrice|Wanjiru|Achieng|"
    "Chantal|Joyeuse|Akinyi|Nyambura|Immaculée",
    "Otieno|Ochieng|Kamau|Mwangi|Njoroge|Wanjiku|Kariuki|Kiprono|Cheruiyot|Odhiambo|Mutua|"
    "Wambui|Uwimana|Niyonzima|Mugisha|Habimana|Nshimiyimana|Uwase|Ndayisaba|Mukamana|"
    "Omondi|Kiplagat|Njeri|Muthoni|Rutagengwa|Ingabire",
    NULL, NULL, NULL,
    40, 1, 1,
  },
  {
    "southern-african",
    "Sipho|Thabo|Themba|Bongani|Johan|Pieter|Willem|Sibusiso|Mandla|Lwazi|Ravi|Tshepo|"
    "Kagiso|Jaco|Hendrik|Lungile",
    "Nomvula|Thandeka|Lerato|Zanele|Annelie|Marike|Naledi|Palesa|Busisiwe|Refilwe|"
    "Nokuthula|Elsabé|Precious|Kgomotso",
    "Nkosi|Dlamini|Ndlovu|Mokoena|Khumalo|Mahlangu|van der Merwe|Botha|Pretorius|"
    "du Plessis|Naidoo|Pillay|Sithole|Mthembu|Molefe|Mabaso|Shabalala|Venter|Coetzee|"
    "Nel|Steyn|Moodley|Maseko|Radebe",
    NULL, NULL, NULL,
    25, 1, 1,
  },
};

const guint _tarmac_demo_n_cultures = G_N_ELEMENTS (_tarmac_demo_cultures);

#define GENERIC_MAIL "gmail.example|yahoo.example|outlook.example|hotmail.example|icloud.example"

const TarmacDemoNationality _tarmac_demo_nationalities[] = {
  { "TGO", "togolese:92|beninese:4|levantine:2|sahel:2",
    "B#######|C#######|A0######", 5, "####-###-####",
    "228", "9# ## ## ##|7# ## ## ##",
    "Lomé|Kara|Sokodé|Kpalimé|Atakpamé|Aného|Tsévié|Dapaong|Bassar|Notsé|Tabligbo|Mango|Badou",
    "LFW", "XOF", GENERIC_MAIL "|cafe.example|laposte.example", "FRA|USA|DEU|GHA" },
  { "BEN", "beninese:90|togolese:4|nigerian:4|levantine:2",
    "B#######|A#######", 5, "##########",
    "229", "01 9# ## ## ##|01 6# ## ## ##",
    "Cotonou|Porto-Novo|Parakou|Abomey|Ouidah|Bohicon|Natitingou|Djougou|Lokossa|Kandi",
    "COO", "XOF", GENERIC_MAIL "|laposte.example", "FRA|NGA" },
  { "GHA", "akan:94|nigerian:2|levantine:2|sahel:2",
    "G#######|H#######", 10, "GHA-#########-#",
    "233", "24 ### ####|20 ### ####|55 ### ####|54 ### ####",
    "Accra|Kumasi|Tamale|Takoradi|Cape Coast|Ho|Koforidua|Sunyani|Tema|Obuasi|Aflao",
    "ACC", "GHS", GENERIC_MAIL, "GBR|USA|NLD|DEU" },
  { "NGA", "nigerian:97|levantine:1|akan:1|beninese:1",
    "A########|B########", 10, "###########",
    "234", "803 ### ####|806 ### ####|813 ### ####|703 ### ####|909 ### ####|816 ### ####",
    "Lagos|Kano|Ibadan|Abuja|Port Harcourt|Benin City|Enugu|Onitsha|Kaduna|Owerri|Abeokuta|"
    "Aba|Jos|Calabar|Uyo",
    "LOS", "NGN", GENERIC_MAIL, "GBR|USA|CAN|ZAF" },
  { "CIV", "ivorian:82|sahel:12|levantine:4|french:2",
    "##@@#####", 5, "C##########",
    "225", "07 ## ## ## ##|05 ## ## ## ##|01 ## ## ## ##",
    "Abidjan|Bouaké|Yamoussoukro|Daloa|San-Pédro|Korhogo|Man|Gagnoa|Divo|Abengourou|Odienné",
    "ABJ", "XOF", GENERIC_MAIL "|orange.example", "FRA|LBN|BFA" },
  { "SEN", "senegalese:88|sahel:8|levantine:2|maghrebi:2",
    "A0#######|A1#######", 10, "1 ### #### #####",
    "221", "77 ### ## ##|78 ### ## ##|76 ### ## ##|70 ### ## ##",
    "Dakar|Thiès|Saint-Louis|Kaolack|Ziguinchor|Touba|Mbour|Rufisque|Kolda|Louga|Tambacounda",
    "DSS", "XOF", GENERIC_MAIL "|orange.example", "FRA|ITA|ESP|USA" },
  { "MLI", "sahel:95|senegalese:3|maghrebi:2",
    "AA0######|BB0######", 5, "####-####-####",
    "223", "7# ## ## ##|6# ## ## ##",
    "Bamako|Sikasso|Ségou|Mopti|Kayes|Koutiala|Gao|Tombouctou|Kati|Nioro du Sahel",
    "BKO", "XOF", GENERIC_MAIL "|orange.example", "FRA|CIV" },
  { "BFA", "sahel:95|ivorian:3|togolese:2",
    "B0#######|A0#######", 5, "B##########",
    "226", "7# ## ## ##|6# ## ## ##|5# ## ## ##",
    "Ouagadougou|Bobo-Dioulasso|Koudougou|Ouahigouya|Banfora|Kaya|Fada N'Gourma|Tenkodogo|"
    "Dédougou",
    "OUA", "XOF", GENERIC_MAIL "|orange.example", "FRA|CIV" },
  { "NER", "sahel:94|maghrebi:3|nigerian:3",
    "08PC#####|09PC#####", 10, "##-##-###-####",
    "227", "9# ## ## ##|8# ## ## ##",
    "Niamey|Zinder|Maradi|Agadez|Tahoua|Dosso|Tillabéri|Diffa|Arlit",
    "NIM", "XOF", GENERIC_MAIL, "FRA|NGA" },
  { "GIN", "sahel:95|senegalese:5",
    "R#######|O#######", 5, "##########",
    "224", "62# ## ## ##|66# ## ## ##",
    "Conakry|Kankan|Labé|Nzérékoré|Kindia|Boké|Mamou|Siguiri",
    "CKY", "GNF", GENERIC_MAIL "|orange.example", "FRA|SEN" },
  { "CMR", "cameroonian:90|sahel:6|levantine:2|nigerian:2",
    "@#######|0@######", 5, NULL,
    "237", "6## ## ## ##",
    "Douala|Yaoundé|Bafoussam|Garoua|Bamenda|Kribi|Limbé|Maroua|Nkongsamba|Ebolowa",
    "DLA", "XAF", GENERIC_MAIL "|orange.example", "FRA|BEL|USA" },
  { "MAR", "maghrebi:98|french:1|sahel:1",
    "@@#######|@########", 10, NULL,
    "212", "6## ## ## ##|7## ## ## ##",
    "Casablanca|Rabat|Fès|Marrakech|Tanger|Agadir|Meknès|Oujda|Tétouan|Kénitra|Nador|Safi",
    "CMN", "MAD", GENERIC_MAIL "|menara.example", "FRA|ESP|BEL|NLD" },
  { "EGY", "egyptian:99|levantine:1",
    "A########", 7, NULL,
    "20", "10 #### ####|11 #### ####|12 #### ####|15 #### ####",
    "Cairo|Alexandria|Giza|Mansoura|Tanta|Asyut|Zagazig|Port Said|Luxor|Ismailia|Minya",
    "CAI", "EGP", GENERIC_MAIL, "USA|GBR" },
  { "LBN", "levantine:100",
    "LR#######|RL#######", 10, NULL,
    "961", "3 ### ###|70 ### ###|71 ### ###|76 ### ###|81 ### ###",
    "Beirut|Tripoli|Sidon|Tyre|Zahlé|Nabatieh|Jounieh|Baalbek|Bint Jbeil|Byblos",
    "BEY", "USD", GENERIC_MAIL, "CIV|TGO|SEN|FRA|NGA|BRA|USA|CAN" },
  { "BRA", "lusophone:94|levantine:2|hispanic:2|german:1|chinese:1",
    "F@######|G@######", 10, NULL,
    "55", "11 9#### ####|21 9#### ####|31 9#### ####|71 9#### ####|81 9#### ####|"
    "41 9#### ####",
    "São Paulo|Rio de Janeiro|Belo Horizonte|Salvador|Fortaleza|Recife|Curitiba|"
    "Porto Alegre|Manaus|Belém|Goiânia|Campinas|Santos|Guarulhos|Florianópolis",
    "SAO", "BRL", GENERIC_MAIL "|uol.example|bol.example", "PRT|ITA|LBN" },
  { "PRT", "lusophone:96|french:2|hispanic:2",
    "C@######|P@######", 5, NULL,
    "351", "91 ### ####|92 ### ####|93 ### ####|96 ### ####",
    "Lisboa|Porto|Braga|Coimbra|Setúbal|Funchal|Faro|Aveiro|Amadora|Guimarães",
    "LIS", "EUR", GENERIC_MAIL "|sapo.example", "BRA|FRA" },
  { "COL", "hispanic:100",
    "AU######|AT######|PE######", 10, NULL,
    "57", "3## ### ####",
    "Bogotá|Medellín|Cali|Barranquilla|Cartagena|Bucaramanga|Pereira|Cúcuta|Santa Marta|"
    "Ibagué",
    "BOG", "COP", GENERIC_MAIL, "ESP|USA|VEN" },
  { "VEN", "hispanic:95|levantine:3|lusophone:2",
    "1########|2########", 10, NULL,
    "58", "412 ### ####|414 ### ####|424 ### ####|416 ### ####",
    "Caracas|Maracaibo|Valencia|Barquisimeto|Maracay|Mérida|Puerto La Cruz|Ciudad Guayana",
    "CCS", "USD", GENERIC_MAIL, "ESP|COL|PRT" },
  { "MEX", "hispanic:100",
    "G########|N########", 10, NULL,
    "52", "55 #### ####|33 #### ####|81 #### ####|667 ### ####",
    "Ciudad de México|Guadalajara|Monterrey|Puebla|Tijuana|Culiacán|Mérida|Cancún|"
    "Toluca|León",
    "MEX", "MXN", GENERIC_MAIL, "USA|ESP" },
  { "ESP", "hispanic:92|maghrebi:4|lusophone:2|french:2",
    "PA@######|PB@######|XD@######", 10, NULL,
    "34", "6## ### ###|7## ### ###",
    "Madrid|Barcelona|Valencia|Sevilla|Málaga|Bilbao|Zaragoza|A Coruña|Cádiz|Murcia|Alicante",
    "MAD", "EUR", GENERIC_MAIL "|telefonica.example", "COL|VEN|MAR|SEN" },
  { "FRA", "french:78|maghrebi:7|togolese:3|ivorian:3|senegalese:3|sahel:2|levantine:2|"
    "vietnamese:1|lusophone:1",
    "##@@#####", 10, NULL,
    "33", "6 ## ## ## ##|7 ## ## ## ##|6 39 98 ## ##",
    "Paris|Marseille|Lyon|Toulouse|Nice|Nantes|Strasbourg|Bordeaux|Lille|Montpellier|Rennes|"
    "Saint-Denis|Créteil|Montreuil|Argenteuil",
    "PAR", "EUR", GENERIC_MAIL "|orange.example|laposte.example|free.example",
    "TGO|SEN|CIV|MAR|LBN|BEN|CMR|MLI" },
  { "BEL", "french:45|dutch:43|maghrebi:5|cameroonian:3|togolese:2|polish:2",
    "@@######", 7, NULL,
    "32", "47# ## ## ##|48# ## ## ##|49# ## ## ##",
    "Bruxelles|Antwerpen|Gent|Liège|Charleroi|Namur|Leuven|Brugge|Mons|Hasselt",
    "BRU", "EUR", GENERIC_MAIL "|skynet.example|telenet.example", "MAR|CMR|TGO|RWA" },
  { "NLD", "dutch:90|maghrebi:5|akan:3|turkish:2",
    "@@*****#*|N@*****#*", 10, NULL,
    "31", "6 #### ####",
    "Amsterdam|Rotterdam|Den Haag|Utrecht|Eindhoven|Groningen|Tilburg|Almere|Breda",
    "AMS", "EUR", GENERIC_MAIL "|ziggo.example", "MAR|GHA|TUR" },
  { "DEU", "german:88|turkish:6|polish:2|akan:2|togolese:2",
    "C********", 10, NULL,
    "49", "151 #######|160 #######|170 ########|176 ########",
    "Berlin|Hamburg|München|Köln|Frankfurt am Main|Stuttgart|Düsseldorf|Leipzig|Dortmund|"
    "Bremen|Hannover|Nürnberg",
    "BER", "EUR", GENERIC_MAIL "|web.example|gmx.example|t-online.example", "TUR|POL|TGO|GHA" },
  { "POL", "polish:100",
    "E@#######|F@#######", 10, NULL,
    "48", "5## ### ###|6## ### ###|7## ### ###|8## ### ###",
    "Warszawa|Kraków|Łódź|Wrocław|Poznań|Gdańsk|Szczecin|Lublin|Katowice|Białystok|Rzeszów",
    "WAW", "PLN", GENERIC_MAIL "|wp.example|onet.example|interia.example", "DEU|GBR" },
  { "GBR", "anglo:78|indian:8|nigerian:6|akan:5|levantine:1|chinese:2",
    "#########|5########", 10, NULL,
    "44", "7700 9#####",
    "London|Manchester|Birmingham|Leeds|Glasgow|Liverpool|Bristol|Leicester|Cardiff|"
    "Belfast|Edinburgh",
    "LON", "GBP", GENERIC_MAIL "|btinternet.example", "NGA|GHA|IND|IRL" },
  { "USA", "anglo:70|hispanic:10|nigerian:6|akan:4|indian:4|chinese:3|levantine:2|"
    "ethiopian:1",
    "5########|6########|A########", 10, NULL,
    "1", "202 555 ####|404 555 ####|713 555 ####|212 555 ####|301 555 ####",
    "New York|Houston|Atlanta|Chicago|Los Angeles|Washington|Miami|Baltimore|Dallas|"
    "Minneapolis|Silver Spring|Newark",
    "WAS", "USD", GENERIC_MAIL "|aol.example", "NGA|GHA|LBN|ETH|MEX|TGO" },
  { "CHN", "chinese:100",
    "E########|EA#######|EB#######", 10, NULL,
    "86", "13# #### ####|15# #### ####|18# #### ####",
    "Guangzhou|Yiwu|Shanghai|Beijing|Wenzhou|Shenzhen|Fuzhou|Changsha|Chengdu|Xiamen|"
    "Hangzhou",
    "CAN", "CNY", "qq.example|163.example|126.example|sina.example", NULL },
  { "IND", "indian:100",
    "@#######", 10, NULL,
    "91", "98### #####|99### #####|97### #####|81### #####|70### #####",
    "Mumbai|Chennai|Delhi|Bengaluru|Hyderabad|Kolkata|Ahmedabad|Surat|Kochi|Pune|Jaipur|"
    "Ludhiana",
    "BOM", "INR", GENERIC_MAIL "|rediff.example", NULL },
  { "TUR", "turkish:100",
    "U########|S########", 10, NULL,
    "90", "5## ### ## ##",
    "İstanbul|Ankara|İzmir|Bursa|Gaziantep|Konya|Adana|Trabzon|Kayseri|Antalya|Mersin",
    "IST", "TRY", GENERIC_MAIL "|yandex.example", "DEU|NLD" },
  { "VNM", "vietnamese:100",
    "C#######|N#######|B#######", 10, NULL,
    "84", "9# ### ## ##|3# ### ## ##|8# ### ## ##",
    "Hà Nội|Thành phố Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ|Nghệ An|Huế|Nam Định|Thái Bình",
    "SGN", "VND", GENERIC_MAIL, "FRA|USA" },
  { "ETH", "ethiopian:100",
    "EP#######|EQ#######", 10, NULL,
    "251", "9# ### ####|7# ### ####",
    "Addis Ababa|Dire Dawa|Mek'ele|Gondar|Bahir Dar|Hawassa|Adama|Jimma|Dessie|Harar",
    "ADD", "ETB", GENERIC_MAIL "|ethionet.example", "USA|DEU" },
  { "KEN", "east-african:92|indian:6|levantine:2",
    "AK######|BK######", 10, NULL,
    "254", "7## ### ###|1## ### ###",
    "Nairobi|Mombasa|Kisumu|Nakuru|Eldoret|Thika|Machakos|Malindi|Kericho",
    "NBO", "KES", GENERIC_MAIL, "GBR|USA" },
  { "RWA", "east-african:100",
    "PC#######|PD#######", 10, NULL,
    "250", "78# ### ###|72# ### ###|73# ### ###",
    "Kigali|Huye|Musanze|Rubavu|Muhanga|Rwamagana|Nyagatare|Rusizi",
    "KGL", "RWF", GENERIC_MAIL, "BEL|FRA" },
  { "ZAF", "southern-african:90|indian:6|anglo:4",
    "A########|M########", 10, NULL,
    "27", "6# ### ####|7# ### ####|8# ### ####",
    "Johannesburg|Cape Town|Durban|Pretoria|Soweto|Gqeberha|Bloemfontein|Polokwane|"
    "East London|Pietermaritzburg",
    "JNB", "ZAR", GENERIC_MAIL "|webmail.example", "GBR|PRT|NLD" },
  { "ITA", "italian:82|maghrebi:6|senegalese:6|nigerian:6",
    "Y@#######|@@#######", 10, NULL,
    "39", "3## ### ####",
    "Roma|Milano|Napoli|Torino|Palermo|Brescia|Bergamo|Verona|Bologna",
    "ROM", "EUR", GENERIC_MAIL "|libero.example|tiscali.example", "SEN|NGA|MAR" },
  { "CAN", "anglo:60|french:20|nigerian:8|akan:4|levantine:4|indian:4",
    "@@######", 10, NULL,
    "1", "514 555 ####|416 555 ####|613 555 ####",
    "Montréal|Toronto|Ottawa|Québec|Calgary|Edmonton|Gatineau",
    "YMQ", "CAD", GENERIC_MAIL "|videotron.example", "NGA|LBN|CMR|FRA" },
  { "IRL", "anglo:100",
    "P@#######", 10, NULL,
    "353", "85 ### ####|87 ### ####",
    "Dublin|Cork|Galway|Limerick|Waterford",
    "DUB", "EUR", GENERIC_MAIL "|eircom.example", "GBR" },
};

const guint _tarmac_demo_n_nationalities = G_N_ELEMENTS (_tarmac_demo_nationalities);

/* Generic names of neighbourhood travel agencies, invented for the demo. */
const TarmacDemoAgencies _tarmac_demo_agencies[] = {
  { "TGO", "Voyages Lumière Lomé@LFW|Golfe Travel Services@LFW|Agence Kpalimé Express@LFW|"
           "Sahel Horizon Voyages Lomé@LFW|Bè Kpota Tours@LFW|Hédzranawoé Voyages@LFW|"
           "Kara Nord Voyages@LRL" },
  { "BEN", "Dantokpa Voyages Cotonou@COO|Ouidah Route Travel@COO|Parakou Voyages Express@COO" },
  { "GHA", "Osu Castle Travel & Tours@ACC|Kumasi Gateway Travels@ACC|Tema Harbour Tours@ACC|"
           "Kaneshie Sky Travel@ACC" },
  { "NGA", "Lagoon Travels Lagos@LOS|Ikeja Skyline Travel@LOS|Island Gate Tours Ltd@LOS|"
           "Kano Sahel Flights@KAN|Enugu Coal City Travels@ENU|Garki Travel Hub Abuja@ABV|"
           "Onitsha Main Market Travels@LOS" },
  { "CIV", "Plateau Voyages Abidjan@ABJ|Cocody Air Services@ABJ|Treichville Tours@ABJ|"
           "Adjamé Voyages Express@ABJ" },
  { "SEN", "Téranga Voyages Dakar@DSS|Plateau Dakar Travel@DSS|Sandaga Voyages@DSS|"
           "Thiès Rail Voyages@DSS" },
  { "MLI", "Fleuve Niger Voyages@BKO|Bamako Hippodrome Travel@BKO" },
  { "BFA", "Ouaga Faso Voyages@OUA|Bobo Sya Tours@BOY" },
  { "NER", "Agadez Sable Voyages@NIM|Niamey Plateau Travel@NIM" },
  { "GIN", "Kaloum Voyages Conakry@CKY" },
  { "CMR", "Akwa Douala Voyages@DLA|Bastos Travel Yaoundé@NSI" },
  { "MAR", "Anfa Tours Casablanca@CMN|Maarif Voyages@CMN|Agdal Travel Rabat@RBA" },
  { "EGY", "Nile Gate Travel@CAI|Heliopolis Star Tours@CAI" },
  { "LBN", "Hamra Travel Beirut@BEY|Cedar Wings Travel@BEY|Tyre Coast Travel@BEY" },
  { "BRA", "Paulista Turismo@SAO|Vila Mariana Viagens@SAO|Brás Passagens@SAO|"
           "Copacabana Tour Rio@RIO|Pelourinho Viagens@SSA" },
  { "PRT", "Chiado Viagens@LIS|Ribeira Tours Porto@OPO" },
  { "COL", "Chapinero Viajes@BOG|El Poblado Tours Medellín@MDE" },
  { "VEN", "Altamira Viajes Caracas@CCS" },
  { "MEX", "Viajes Condesa@MEX" },
  { "ESP", "Viajes Lavapiés@MAD|Raval Tours Barcelona@BCN" },
  { "FRA", "Saint-Lazare Voyages@PAR|Voyages Château-Rouge@PAR|Belleville Tours@PAR|"
           "Canebière Voyages Marseille@MRS" },
  { "BEL", "Matonge Voyages Ixelles@BRU|Antwerpen Zuid Reizen@ANR" },
  { "NLD", "Bijlmer Reizen@AMS" },
  { "DEU", "Reisebüro Sonnenallee@BER|Reisebüro Hauptbahnhof Köln@CGN" },
  { "GBR", "Peckham Travel Centre@LON|Tottenham Flights@LON" },
  { "USA", "Silver Spring Travel@WAS|Harlem Air Tours@NYC" },
  { "CHN", "Xiaobei Trade Travel Guangzhou@CAN|Yiwu Market Travel@YIW" },
  { "IND", "Andheri Travels@BOM|Karol Bagh Tours@DEL" },
  { "TUR", "Laleli Turizm@IST|Aksaray Seyahat@IST" },
  { "ETH", "Bole Travel Agency@ADD" },
  { "KEN", "Eastleigh Travel@NBO" },
  { "ZAF", "Hillbrow Travel@JNB|Fordsburg Tours@JNB" },
};

const guint _tarmac_demo_n_agencies = G_N_ELEMENTS (_tarmac_demo_agencies);
