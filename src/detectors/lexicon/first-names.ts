/**
 * Common first names in Poland, Lithuania and English-speaking countries, folded
 * (lower case, no diacritics). A person name is reported only as information; this
 * list plus surname shapes (person-name.ts) is cheaper than a tagger on every message.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  `
kuba kasia basia ania asia gosia zosia ola ela tomek bartek maciek franek kamilka madzia iza aga
anna maria katarzyna malgorzata agnieszka krystyna barbara ewa elzbieta zofia janina teresa joanna magdalena monika jadwiga
danuta irena halina helena beata aleksandra marta dorota marianna grazyna jolanta stanislawa iwona karolina bozena urszula
justyna renata alicja paulina sylwia natalia wanda agata aneta izabela ewelina marzena wieslawa genowefa patrycja kazimiera
edyta julia weronika emilia hanna zuzanna oliwia maja lena gabriela wiktoria kinga klaudia dominika kamila angelika milena
piotr krzysztof andrzej tomasz jan pawel michal marcin stanislaw grzegorz jozef marek lukasz zbigniew jerzy tadeusz adam
mateusz dariusz mariusz wojciech ryszard kazimierz henryk robert rafal jacek janusz maciej kamil roman szymon jakub artur
czeslaw slawomir wladyslaw edward mieczyslaw damian daniel sebastian przemyslaw bartosz leszek karol wieslaw zdzislaw
dawid filip patryk hubert konrad oskar igor wiktor antoni franciszek aleksander leon wojtek kacper mikolaj emil waldemar
andrius jonas tomas mantas darius lukas paulius saulius rimantas vytautas kestutis gintaras algirdas arvydas audrius
aurimas dainius deividas donatas dovydas edvinas egidijus eimantas evaldas gediminas giedrius ignas irmantas justinas
karolis laurynas linas marius mindaugas nerijus povilas ramunas rokas simonas tadas valdas vaidas zilvinas arnas domas
matas nojus kajus benas jokubas gabrielius augustas antanas juozas petras kazys stasys vladas vidas raimondas
ruta ruta asta egle rasa jurgita vilma inga laima daiva kristina lina ieva agne aiste austeja dovile giedre gintare goda
greta indre ingrida jolita jurate justina kotryna migle monika neringa rasa rima rugile sandra simona skaiste ugne vaida
vaiva viktorija zivile zydrune emilija kamile gabija urte liepa ona birute danute janina aldona regina dalia irena
john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven
paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
stephen larry justin scott brandon benjamin samuel gregory alexander patrick frank raymond jack dennis jerry tyler aaron
henry adam peter nathan zachary kyle harry oliver charlie liam noah ethan lucas mason logan owen callum connor jamie
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly
emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley
anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather diane
ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline
martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris
marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori chloe sophie lucy
amelia mia ava ella isla freya poppy jessica ruby holly molly megan
tom ben sam dan joe alex kate katie lily zoe ellie evie leo finn luke josh jake tim rob nick matt chris steve mike jim
bob bill sue jen becky jo beth liz
marcus harold niamh siobhan aoife ciara sinead orla roisin saoirse caoimhe eoin cian oisin darragh niall declan seamus padraig
fionn conor ronan aidan brendan colm kieran shane wayne gavin barry gerard dermot fergal
priya anjali deepa ravi rahul arjun amit sanjay neha pooja aisha fatima omar ali hassan yusuf zara layla amir leila
olena oksana iryna natalia yulia tetiana svitlana olha andriy oleksandr dmytro serhiy mykola taras bohdan vitaliy ihor
olga irina svetlana tatiana elena ekaterina anastasia dmitri sergei andrei alexei nikolai ivan vladimir yuri pavel
mariola bozena grazyna halina jadwiga wieslawa czeslawa kazimiera leokadia bronislawa zdzislaw edmund bogdan lech
heinrich hans klaus jurgen stefan andreas michael thomas markus lukas jonas felix max paul
francesca giulia chiara luca marco matteo giovanni antonio carlos juan jose luis miguel pedro javier sofia lucia
kevin brian gary jeffrey ryan jacob eric jonathan justin nicholas anthony mark donald steven kenneth joshua edward
george timothy jason jeffrey jose carl arthur terry sean austin christian albert joe ethan jesse willie billy bruce
ralph roy louis eugene russell bobby victor martin ernest phillip todd craig alan shawn clarence philip sean chad
neil graham nigel colin trevor derek malcolm stuart ian keith darren lee dean ross grant craig gordon alistair hamish
fiona kirsty ailsa morag shona eilidh iona mhairi isobel
gemma leanne kerry stacey tracey joanne claire louise nicola emma natasha jade chelsea danielle shannon
`
    .split(/\s+/)
    .filter(Boolean),
);
