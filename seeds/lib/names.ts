/** Common Swedish names, for demo and benchmark persons. */
export const FEMALE_NAMES = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Kristina', 'Lena', 'Kerstin', 'Sara', 'Emma', 'Ingrid', 'Marie', 'Malin', 'Birgitta',
  'Inger', 'Elisabeth', 'Linnéa', 'Sofia', 'Ulla', 'Margareta', 'Gunilla', 'Astrid', 'Märta', 'Åsa', 'Elsa', 'Maja',
  'Ebba', 'Alice', 'Britt', 'Gun', 'Solveig', 'Moira', 'Siv', 'Agneta', 'Ylva', 'Hanna', 'Ida', 'Wilma', 'Saga', 'Nour', 'Fatima',
] as const;
export const MALE_NAMES = [
  'Lars', 'Anders', 'Johan', 'Per', 'Erik', 'Karl', 'Nils', 'Jan', 'Mikael', 'Hans', 'Lennart', 'Olof', 'Peter', 'Gunnar',
  'Sven', 'Bengt', 'Göran', 'Åke', 'Björn', 'Stig', 'Rolf', 'Leif', 'Bo', 'Arne', 'Oskar', 'William', 'Hugo', 'Elias',
  'Lucas', 'Liam', 'Noah', 'Adam', 'Ali', 'Mohammed', 'Kent', 'Ulf', 'Torbjörn', 'Östen', 'Yusuf', 'Ivan',
] as const;
export const LAST_NAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson',
  'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist',
  'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund',
  'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson',
  'Fransson', 'Bergqvist', 'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson',
  'Mustafsson', 'Åberg', 'Öberg', 'Ahmed', 'Hassan', 'Ali', 'Mohamed', 'Nordin', 'Ström', 'Åkesson',
] as const;
export const STREETS = [
  'Kammargatan', 'Storgatan', 'Kyrkogatan', 'Skolgatan', 'Parkvägen', 'Björkvägen', 'Ekvägen', 'Tallvägen', 'Ängsvägen',
  'Sjövägen', 'Järnvägsgatan', 'Drottninggatan', 'Hagadahlsvägen', 'Blandarvägen', 'Bergavägen', 'Rosengatan',
] as const;
