package cn.henan.skills.subdivision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SchoolQuotaDraftRepository extends JpaRepository<SchoolQuotaDraft, SchoolQuotaDraft.Key> {
  @Query("select q from SchoolQuotaDraft q where q.year = :year and q.cityCode = :cityCode order by q.sourceRow")
  List<SchoolQuotaDraft> findDraft(int year, String cityCode);

  @Modifying
  @Query("delete from SchoolQuotaDraft q where q.year = :year and q.cityCode = :cityCode")
  void deleteDraft(int year, String cityCode);
}
