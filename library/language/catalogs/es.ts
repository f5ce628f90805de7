// El catálogo en español: cada frase que el bot dice con su propia voz, con la misma forma que el
// inglés (el tipo `Messages` obliga a tener todas las claves). Trato de usted, como la mayoría de las
// bibliotecas públicas de EE. UU.; fechas con luxon en `es` ("jueves, 3 de dic.").
import type { Messages } from './en';
import { capitalized, formatDate } from '../locale';
import { gendered, plural } from '../plural';
import { signInEs } from './es/signIn';
import { holdsEs } from './es/holds';
import { accountEs } from './es/account';
import { handoffEs } from './es/handoff';
import { pageEs } from './es/page';
import { clockTime, sentence } from './es/spanishText';

export const es: Messages = {
  language: 'es',
  name: 'español',
  switched: 'Claro, desde ahora le contesto en español.',
  askedFor:
    /^(?:(?:me )?(?:puede|puedes|podria|pueden)s? )?(?:(?:hablar|hablarme|contestar|contestarme|responder|responderme|escribir|escribirme|atender|atenderme) )?(?:en )?espanol(?:,? (?:por favor|porfa|xfa|please))?\??$|^(?:do you |can you )?(?:speak |talk |answer |reply )?(?:in )?spanish(?: please)?\??$|^(?:habla|hablas|hablan) espanol\??$/,
  commonWords: (
    'el la los las lo un una unos unas de del al que q k ke por para pa xa xq pq porque con sin en es son esta estan estoy estas eres soy era hay y o pero mi mis tu tus su sus mas muy tambien tmb tb ya aun todavia cuando donde como cual cuales quien quienes cuanto cuanta cuantos cuantas si no nada algo alguien nadie todo todos todas otro otra otros esto eso este ese esa aqui aki alli ahi ahora ahorita hoy manana ayer luego despues antes siempre nunca tengo tiene tienen tienes tenemos quiero quisiera quiere queria necesito necesita puedo puede pueden puedes podria podrian hacer hago hace hacen saber sabe sabes ver voy vas va vamos dame deme dime digame ayudar ayuda ayudame ayudeme ayudan abren abre abierto abierta abiertos abiertas cierran cierra cerrado cerrada renovar renueva renuevo renuevame reservar reserva reservas reservado reservacion apartar aparta apartado cancelar cancela devolver devuelvo entregar pagar pago debo debe perdi perdio robaron encuentro hablar habla hablan hablo llamar llego llega recoger recojo sacar saque prestado prestados prestamo prestamos buscar busco entiendo entendi entendido espere esperar gustaria quieres biblioteca biblio libro libros tarjeta multa multas horario horarios hora horas dia dias semana mes fin sucursal persona personas humano empleado bibliotecario bibliotecaria clases clase cuento cuentos ninos nino nina ninas hijo hija hijos bebe bebes anos meses adolescentes adultos mayores familia actividades eventos programas taller talleres computadora computadoras impresora copias contrasena direccion estacionamiento queja seguridad abogado pelicula peliculas audiolibros cuenta saldo deuda lunes martes miercoles jueves viernes sabado sabados domingo domingos hola ola holi buenas buenos tardes noches adios chao chau gracias grax muchas mil porfa xfa favor perdon disculpe disculpa claro vale bueno buena listo jaja jajaja jeje jiji oye pues entonces bien mal espanol ingles tmbn kiero toy dnd nose salu2 ok se ser te le les nos ni hasta pronto perfecto perfecta excelente genial super gusto mucho poco tal vez quizas mejor peor igual esos esas aquel nuevo nueva gratis cerca lejos' +
    // Texting and slang from several countries that no dictionary has (none an English word).
    ' wenas weno holis holiwis saludines qe xk pk porq porfis porfavor xfavor xfis plis grasias graciaz grcs ntp tqm tkm bss bsos slds dsp dps msj nel nop qonda kionda ktal qtal cdo tbn tambn chaito vdd ntc klk'
  ).split(' '),
  followUpOpening:
    /^\s*(y|e|y que tal|que tal|y si|tambien|también|igual para|lo mismo para|para|en|el|la|los|las|del|de la)\b/i,
  fillerWords: ['y', 'e', 'el', 'la', 'los', 'las', 'lo', 'de', 'del', 'que', 'tal', 'en', 'porfa', 'xfa'],
  // Also spellings and word endings only Spanish writes, accents or not ("donacion", "seguridad",
  // "atrasado", "rapidamente", "buscando"), for the words no list has.
  letters:
    /[ñ¿¡áéíóú]|\b[a-z]+ciones?\b|\b[a-z]{2,}(?:idad|idades|edad|ado|ados|adas|idos|idas|mente|ando|iendo|amos|emos)\b/i,
  untranslatedNotice: '(Esta información solo está disponible en inglés).',

  dates: {
    time: clockTime,
    // Lower case: Spanish weekdays are not capitalised mid-sentence ("el miércoles 2 de dic"); a line
    // or a table row that starts with one capitalises it where it starts.
    calendarDate: (date) => formatDate(date, 'es', "cccc d 'de' LLL").replace('.', ''),
    dayLabel: (date) => formatDate(date, 'es', 'ccc d LLL').replace(/\./g, ''),
    withYear: (text, year) => `${text} de ${year}`,
    today: 'hoy',
    tomorrow: 'mañana',
    weekday: (date) => formatDate(date, 'es', 'cccc'),
    longDate: (date) => formatDate(date, 'es', "cccc d 'de' MMMM"),
    shortWeekday: (date) => capitalized(formatDate(date, 'es', 'ccc').replace('.', '')),
    weekdays: (date) => {
      const day = formatDate(date, 'es', 'cccc');
      // "los sábados" / "los lunes": only the weekend days take an -s.
      return `los ${/[sy]$/.test(day) ? day : `${day}s`}`;
    },
  },

  main: {
    somethingWentWrong:
      'Perdone, algo falló de nuestro lado y perdí el hilo de lo que hacíamos. Empecemos de nuevo: ' +
      '¿en qué le puedo ayudar? También puede pedir hablar con una persona.',
    greetingIntro: (libraryName) => `¡Hola! Soy el asistente virtual de ${libraryName}.`,
    helpIntro: 'Esto es lo que puedo hacer.',
    canHelpWith: (topics, person) =>
      `Puedo ayudarle con: ${topics.join('; ')}. Pregunte con sus propias palabras` +
      (person ? ', o pida hablar con una persona cuando quiera.' : '.'),
    // SMS only: no á, í, ó or ú, so the welcome goes as GSM-7 (160 a segment), not UCS-2 (70).
    askMeAbout: (topics, person) =>
      `Pregunte por ${topics.join(', ')}` + (person ? ', o pida hablar con una persona.' : '.'),
    topics: {
      hours: 'horario',
      programs: 'actividades y eventos',
      holds: 'sus reservas',
      account: 'sus préstamos, renovaciones y multas',
      libraryQuestions: 'preguntas sobre la biblioteca',
    },
    menu: {
      hours: { label: 'Horario', value: '¿Cuál es el horario de hoy?', sms: 'horario' },
      programs: {
        label: 'Actividades y eventos',
        value: '¿Qué actividades hay esta semana?',
        sms: 'actividades',
      },
      holds: { label: 'Mis reservas', value: 'Ver mis reservas', sms: 'sus reservas' },
      human: { label: 'Hablar con una persona', value: 'Quiero hablar con una persona', sms: '' },
    },
    intentLabels: {
      hours: 'Horario',
      programs: 'Actividades y eventos',
      'holds.list': 'Mis reservas',
      'holds.place': 'Reservar un libro',
      'holds.cancel': 'Cancelar una reserva',
      'holds.change': 'Cambiar la sucursal de recogida o pausar una reserva',
      'account.checkouts': 'Mis préstamos y fechas de devolución',
      'account.renew': 'Renovar mis préstamos ahora',
      'account.fines': 'Multas en mi cuenta',
      human: 'Hablar con una persona',
    },
    notYet: {
      hours: 'Todavía no puedo consultar el horario.',
      programs: 'Todavía no puedo consultar las actividades y eventos.',
      'holds.list': 'Todavía no puedo ver sus reservas.',
      'holds.place': 'Todavía no puedo hacer reservas.',
      'holds.cancel': 'Todavía no puedo cancelar reservas.',
      'holds.change': 'Todavía no puedo cambiar reservas.',
      'account.checkouts': 'Todavía no puedo ver sus préstamos.',
      'account.renew': 'Todavía no puedo renovar préstamos.',
      'account.fines': 'Todavía no puedo ver las multas de su cuenta.',
      human: 'Todavía no puedo comunicarle con una persona desde este chat.',
    },
    notYetOther: 'Todavía no puedo ayudarle con eso en este chat.',
    pleaseCall: 'Llámenos y un bibliotecario le ayudará.',
    notUnderstood: 'Perdón, no le entendí, o no es algo que pueda hacer aquí.',
    sayItAnotherWay: '¿Podría decirlo de otra manera?',
    canHelpWithAsk: (topics) =>
      `Puedo ayudarle con: ${topics.join('; ')}. Pregunte con sus propias palabras.`,
    youAreWelcome: '¡De nada!',
    goodbye: '¡Hasta luego!',
    thanksForContacting: (libraryName) => `Gracias por comunicarse con ${libraryName}.`,
    stopped: 'Muy bien, lo dejé. ¿En qué más le puedo ayudar?',
    startedOver: 'Muy bien, empecemos de nuevo. ¿En qué le puedo ayudar?',
    forgotten: 'Listo: borré los intereses y la sucursal que tenía guardados para usted.',
    nothingMore: 'Eso es todo lo que encontré. Pregunte por otro día, otra edad u otro tema.',
    rephrase: 'Muy bien. Dígame con otras palabras qué está buscando.',
    offerDeclined: 'Muy bien. Pruebe a preguntar de otra forma, por ejemplo "¿Abren mañana?"',
    answerOrStartOver: 'También puede contestar mi última pregunta, o decir "empezar de nuevo".',
    offerPerson: 'Perdón, todavía no entiendo qué necesita. ¿Quiere hablar con una persona?',
    offerPersonYes: 'Sí, una persona',
    offerPersonNo: 'No, sigamos',
    didYouMean: (label) => `¿Se refiere a ${label.toLowerCase()}?`,
    whichDoYouMean: 'Quiero entenderle bien. ¿A cuál se refiere?',
    somethingElse: 'Otra cosa',
    anythingElse: 'Muy bien. ¿Le ayudo con algo más?',
    imHere: '¡Sí, aquí estoy!',
    doingWell: '¡Muy bien, gracias por preguntar!',
    aboutTopics: 'horario, actividades, sus reservas y preguntas sobre la biblioteca',
    lookingToRead: (catalog) =>
      '📚 ¿Busca algo para leer? Dígame un título o un autor y se lo puedo reservar' +
      (catalog ? `, o consulte el catálogo en ${catalog}.` : '.'),
    whoAmI: (libraryName, about) =>
      `Soy el asistente automático de ${libraryName}, no una persona. Puedo ayudarle con ${about}, y llamar a alguien de la biblioteca cuando usted quiera.`,
    whoAmISms:
      'Soy el asistente automático de la biblioteca, no una persona. Pregúnteme por el horario, las actividades o sus reservas, o pida una persona.',
    thanksForPraise: '¡Gracias, con gusto! ¿Algo más?',
    laugh: '😄 ¿Le ayudo con algo más?',
    noProblem: 'No se preocupe. ¿En qué le puedo ayudar?',
    working: (about) => `Aquí estoy y funciono. Pregúnteme por ${about}.`,
    whatIDo: (about) => `Soy el asistente de la biblioteca: pregúnteme por ${about}.`,
    personOffer: ', o escriba "hablar con una persona" y llamo a alguien del personal',
    noReadingAdvice: (catalog, phone, person) =>
      `Perdón, aquí no puedo recomendar libros ni buscar por tema. El catálogo sí: ${catalog} ` +
      `(busque un tema, autor o título que le guste). A los bibliotecarios también les encanta recomendar libros: pregunte en cualquier sucursal, ` +
      `llame al ${phone}${person}.`,
    noReadingAdviceSms: (catalog, phone) =>
      `Perdón, por mensaje de texto no puedo recomendar libros. Pruebe el catálogo: ${catalog}, o llame al ${phone}.`,
    cannotAnswer: (phone, person) =>
      `Perdón, eso no lo puedo contestar aquí. Un bibliotecario sí: llame al ${phone}, o pregunte en cualquier sucursal${person}.`,
    cannotAnswerSms: (phone) =>
      `Perdón, eso no lo puedo contestar por mensaje de texto. Llame al ${phone} o pregunte en cualquier sucursal.`,
    frustratedNote:
      'Perdone las molestias. Si prefiere hablar con alguien, escriba "hablar con una persona".',
    callUs: (phone) => `De eso se encarga nuestro personal: llame al ${phone} o visite cualquier sucursal.`,
    theLibrary: 'la biblioteca',
  },

  sms: {
    yes: 'Sí',
    no: 'No',
    replyOne: 'Responda 1.',
    replyOneOrTwo: 'Responda 1 o 2.',
    // Without "número": its ú would send the whole text as UCS-2.
    replyNumber: (count) => `Responda del 1 al ${count}.`,
    replyForMore: (value) => `Responda "${value}" para ver más.`,
  },

  faq: {
    branchDetailsPrompt: '¿Quiere los detalles de una sucursal?',
    more: (link) => `Más información: ${link}`,
    parkingTitle: 'Estacionamiento en cada sucursal',
    transitTitle: 'Autobuses a cada sucursal',
  },

  programs: {
    kinds: {
      kids: 'Niños y familias',
      teens: 'Adolescentes',
      adults: 'Adultos',
      seniors: 'Personas mayores',
      anything: 'Cualquiera',
    },
    audiences: {
      toddlers: 'niños pequeños',
      kids: 'niños',
      teens: 'adolescentes',
      adults: 'adultos',
      seniors: 'personas mayores',
      families: 'familias',
    },
    agesFrom: (min) => `desde los ${min} años`,
    agesBetween: (min, max) => `de ${min} a ${max} años`,
    forWhom: (names) => `Para ${names.join(', ')}`,
    today: 'Hoy',
    tomorrow: 'Mañana',
    allDay: (day) => `${day} (todo el día)`,
    when: (day, start, end) =>
      end > start ? `${day}, ${clockTime(start)}-${clockTime(end)}` : `${day}, ${clockTime(start)}`,
    listTitle: (description, range, total) =>
      range ? `Actividades ${description} (${range} de ${total})` : `Actividades ${description}`,
    more: 'Más',
    details: 'Detalles e inscripción',
    forWho: (who) => `para ${who}`,
    saysWhoAsTyped: false,
    // A baby under one ("mi bebé de 8 meses") is age 0: "para bebés", not "niños de 0 años".
    forAge: (age) =>
      age === 0
        ? 'para bebés'
        : `para ${plural('es', age, { one: 'niños de 1 año', other: 'niños de {n} años' })}`,
    about: (topics) => `sobre ${topics.join(' y ')}`,
    languageNames: { en: 'inglés', es: 'español' },
    inLanguage: (name) => `en ${name}`,
    atBranch: (branch) => `en ${branch}`,
    dateRange: (from, to) => `del ${from} al ${to}`,
    onDate: (date) => `el ${date}`,
    comingUp: 'próximas',
    nextSevenDays: 'en los próximos 7 días',
    datesSaidBack: /^(hoy|esta noche|ma[nñ]ana|este |esta |el pr[oó]ximo |la pr[oó]xima |el fin de semana)/,
    theBranch: 'La sucursal',
    kindPrompt: '¿Qué tipo de actividad busca? También puede decir una edad, un tema o una sucursal.',
    kindSmsPrompt: '¿Qué tipo de actividad? También puede decir una edad, un tema o una sucursal.',
    calendarDown:
      'Perdón, ahora no puedo consultar el calendario de eventos. Inténtelo un poco más tarde, o pida hablar con una persona.',
    allFound: 'Eso es todo lo que encontré.',
    allFoundMore: 'Eso es todo lo que encontré. Pregunte por otro día u otro tema.',
    remembered:
      'Listo: lo usaré para sugerirle actividades la próxima vez. Escriba "olvídame" cuando quiera y lo borraré.',
    rememberedSms: 'Guardado. Escriba "olvídame" cuando quiera para borrarlo.',
    notRemembered: 'No hay problema, no lo guardaré.',
    rememberYes: 'Sí, guárdelo',
    rememberNo: 'No, gracias',
    noneFound: (description) => `No encontré actividades ${description}.`,
    nextOnes: 'Las próximas son:',
    tryAnother: 'Pruebe con otro día u otro tema, o pregunte "¿qué hay esta semana?".',
    rememberPrompt: (interests, homeBranch) => {
      const facts: string[] = [];
      if (interests.length) facts.push(`le interesa ${interests.join(' y ')}`);
      if (homeBranch) facts.push(`su sucursal es ${homeBranch}`);
      return `¿Quiere que recuerde que ${facts.join(' y que ')}, para sugerirle actividades la próxima vez? Solo con su permiso, y "olvídame" lo borra.`;
    },
    onDay: (special) => (special ? `el día de ${special}` : 'ese día'),
    closesEarly: (branch, closes, onDay) =>
      sentence(`Nota: ${branch} cierra a las ${closes} ${onDay}`.trimEnd()),
    afterHoursEnd: (branch, closes) =>
      `Fuera de horario: el horario normal de ${branch} termina a las ${closes} ese día.`,
    afterHoursClosed: (branch) => `Fuera de horario: ${branch} suele estar cerrada a esa hora.`,
    closedFor: (branch, special) => `${branch} cierra por ${special}`,
    closesAtOn: (branch, closes, special) => `${branch} cierra a las ${closes} el día de ${special}`,
    closedThen: (branch, special) => `${branch} está cerrada a esa hora (${special ?? 'horario especial'})`,
    leftOutItem: (title, date, why) => `${title} el ${date} (${why})`,
    leftOut: (items, more) =>
      `No se realizan porque la sucursal está cerrada: ${items.join('; ')}${
        more > 0 ? ` y ${plural('es', more, { one: 'una más', other: '{n} más' })}` : ''
      }.`,
  },

  hours: {
    mobileSubject: (name) => (/^(the|el) /i.test(name) ? name.replace(/^the /i, 'El ') : `El ${name}`),
    intervalAt: (range, place) => `${range} en ${place}`,
    at: (place) => ` en ${place}`,
    open24: (note) => `Abierto las 24 horas${note}`,
    closed: (note) => `Cerrado${note}`,
    open24Today: (who, where) => `${who} abre las 24 horas hoy${where}.`,
    openClosesIn: (who, where, minutes, until, gender) =>
      `${who} está ${gendered(gender, { feminine: 'abierta', masculine: 'abierto' })} ahora${where} y cierra en ${plural('es', minutes, { one: '{n} minuto', other: '{n} minutos' })} (a las ${until}).`,
    openUntil: (who, where, until, gender) =>
      sentence(
        `${who} está ${gendered(gender, { feminine: 'abierta', masculine: 'abierto' })} ahora${where}, hasta las ${until}`,
      ),
    closedTodayFor: (who, note, gender) =>
      `${who} está ${gendered(gender, { feminine: 'cerrada', masculine: 'cerrado' })} hoy (${note})`,
    closedNow: (who, gender) =>
      `${who} está ${gendered(gender, { feminine: 'cerrada', masculine: 'cerrado' })} ahora`,
    nextStop: (when, place, end) =>
      sentence(`Su próxima parada es ${when}${place ? ` en ${place}` : ''}, hasta las ${end}`),
    opens: (when) => sentence(`Abre ${when}`),
    dayAtTime: (day, at) => `${day} a las ${at}`,
    timeOnDay: (at, day) => `${at} ${day}`,
    shortOpen24: (where) => `Abierto las 24 horas${where}`,
    shortClosesIn: (where, minutes, until) => `Abierto${where}, cierra en ${minutes} min (${until})`,
    shortOpenUntil: (where, until) => `Abierto${where} hasta las ${until}`,
    shortClosed: (why) => `Cerrado${why}`,
    shortClosedNext: (why, nextStop, when, where) =>
      `Cerrado${why}; ${nextStop ? 'próxima parada' : 'abre'} ${when}${where}`,
    hoursTitle: (branch, covers) => `Horario de ${branch} ${covers}`,
    dayTitle: (phrase) => `Horario ${phrase}`,
    todayTitle: (date, special) => `Horario de hoy (${date}${special ? `, ${special}` : ''})`,
    nowTitle: (weekday, at, special) => `¿Abierto ahora? (${weekday} ${at}${special ? `, ${special}` : ''})`,
    todaysHours: (hours) => sentence(` Horario de hoy: ${hours}`),
    onHoliday: (holiday, full) => `el día de ${holiday} (${full})`,
    relativeWithDate: (relative, full) => `${relative} (${full})`,
    onDate: (full) => `el ${full}`,
    withNote: (base, note) => `${base}, ${note}`,
    open24On: (who, when, why) => sentence(`${who} abre las 24 horas ${when}${why}`),
    closedOn: (who, when, why, gender) =>
      `${who} está ${gendered(gender, { feminine: 'cerrada', masculine: 'cerrado' })} ${when}${why}.`,
    hoursOn: (who, when, hours, why) => sentence(`${who} ${when}: ${hours}${why}`),
    whichBranch: '¿De qué sucursal quiere el horario?',
    stopTimes: (weekdays, opens, closes) => `${capitalized(weekdays)}, ${opens}-${closes}`,
    regularly: (times) => (times.length ? ` ${times.join(' y ')}` : ''),
    atStopNow: (who, place, until, usually) =>
      `${sentence(`${who} está en ${place} ahora, hasta las ${until}`)} Para allí${usually}.`,
    nextVisit: (day, start, end) => sentence(` Próxima visita: ${day}, ${start}-${end}`),
    noVisit: ' No tiene visitas allí en las próximas semanas.',
    stopsAt: (who, place, usually, next) => `${who} para en ${place}${usually}.${next}`,
    atStopOnDay: (who, place, when, start, end) =>
      sentence(`Sí: ${who} está en ${place} ${when}, ${start}-${end}`),
    out: 'fuera',
    elsewhereItem: (place, start, end) => `${place} ${start}-${end}`,
    notAtStop: (who, place, when, elsewhere, regular) =>
      `${who} no está en ${place} ${when}${elsewhere ? ` (está en ${elsewhere})` : ''}.` +
      (regular.length ? ` Para en ${place} ${regular.join(' y ')}.` : ''),
    noStops: (who, when, why) => sentence(`${who} no tiene paradas ${when}${why}`),
    stopsTitle: (who) => `Paradas de ${who}`,
    fromDay: (day) => `desde el ${day}`,
    nextSevenDays: 'de los próximos 7 días',
    throughDay: (day) => `hasta el ${day}`,
  },
  signIn: signInEs,
  holds: holdsEs,
  account: accountEs,
  handoff: handoffEs,
  page: pageEs,
};
