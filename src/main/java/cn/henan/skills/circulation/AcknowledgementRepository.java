package cn.henan.skills.circulation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AcknowledgementRepository extends JpaRepository<Acknowledgement, Acknowledgement.Key> {
  @Query("select a from Acknowledgement a where a.monthKey = :monthKey")
  List<Acknowledgement> ofMonth(String monthKey);
}
