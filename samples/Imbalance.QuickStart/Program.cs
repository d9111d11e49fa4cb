Console.WriteLine("Imbalance quick start");
